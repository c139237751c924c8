import type {
  ActionItemStatus, AssessmentVerdict, EvidenceStrength, EvidenceVerification, RecommendationResponse, RecommendationStatus, ReportKind,
} from '../db/generated/prisma/enums.ts';
import type { ReportedVsVerified } from './recommendation-rules.ts';
import type { Slippage } from './slippage.ts';

/**
 * The follow-up pack: what an inspector takes into the follow-up inspection of a report. For each
 * recommendation, the earlier ones it repeats with their verdicts, every verdict so far, the
 * addressees' responses, the action plan with how far each date has slipped, the evidence and its
 * verification, and the gap between the owner's reported status and the inspector's latest verdict.
 */
export type FollowUpPack = {
  report: {
    id: number;
    title: string;
    kind: ReportKind;
    publishedOn: Date;
    url: string | null;
    inspectorate: string;
    followsUp: { title: string; publishedOn: Date }[];
  };
  preparedAt: Date;
  figures: PackFigures;
  recommendations: PackRecommendation[];
};

export type PackFigures = {
  recommendations: number;
  implementedByOwners: number;
  assessedByInspectors: number;
  achievedByInspectors: number;
  overstatedByOwners: number;
  repeats: number;
  overdueRecommendations: number;
  actionItems: number;
  overdueActionItems: number;
  slippedDates: number;
  evidence: number;
  unverifiedEvidence: number;
};

export type PackRecommendation = {
  id: number;
  reference: string;
  text: string;
  owner: string;
  themes: string[];
  status: RecommendationStatus;
  statusChangedAt: Date;
  target: Slippage;
  overdue: boolean;
  latestVerdict: AssessmentVerdict | null;
  /** What the owner reports against the inspector's latest verdict (recommendation-rules.ts). */
  gap: ReportedVsVerified;
  withdrawn: { at: Date; reason: string | null } | null;
  firstMadeOn: Date | null;
  repeatedUnmet: boolean;
  /** The earlier recommendations it repeats, earliest first, each with its report and latest verdict. */
  lineage: {
    reference: string;
    text: string;
    report: { title: string; publishedOn: Date };
    latestVerdict: AssessmentVerdict | null;
    /** Whether an inspector confirmed the link from the next recommendation in the chain to this one. */
    linkConfirmed: boolean;
  }[];
  /** Inspectors' verdicts, oldest first: on this recommendation and on the earlier ones it repeats. */
  assessments: { reference: string; earlier: boolean; verdict: AssessmentVerdict; commentary: string; assessedOn: Date; report: string | null }[];
  responses: { organisation: string; response: RecommendationResponse; note: string | null; respondedAt: Date | null }[];
  actionItems: {
    description: string;
    owner: string;
    leadPerson: string | null;
    status: ActionItemStatus;
    due: Slippage;
    completedOn: Date | null;
    overdue: boolean;
    evidence: {
      summary: string;
      url: string | null;
      strength: EvidenceStrength;
      submittedAt: Date;
      verification: EvidenceVerification;
      verificationNote: string | null;
      verifiedBy: string | null;
      verifiedAt: Date | null;
    }[];
  }[];
};

