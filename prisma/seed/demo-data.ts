/**
 * The illustrative demo data set, built on HM Inspectorate of Probation's
 * domestic-abuse inspections: the 2018 thematic on Community Rehabilitation
 * Companies, the 2023 thematic on the Probation Service, and a 2025 review of
 * progress. Facts about the 2023 inspection come from public articles about it;
 * the wording of every recommendation, action, piece of evidence and verdict is
 * illustrative, not the reports' own text.
 */
import type {
  ActionItemStatus,
  AssessmentVerdict,
  EvidenceStrength,
  EvidenceVerification,
  OrganisationKind,
  RecommendationResponse,
  RecommendationStatus,
  ReportKind,
  Role,
} from '../../server/db/generated/prisma/enums.ts';

export const DEMO_NOTICE =
  'Illustrative demo data: the reports are real publications, but the wording of recommendations, actions, evidence and verdicts is illustrative, not the reports’ own text.';

type Day = `${number}-${number}-${number}`;

export const organisations: {
  key: string;
  name: string;
  shortName?: string;
  kind: OrganisationKind;
  parent?: string;
  /** False for a body that no longer exists: its old recommendations keep it as owner, it takes no new work. */
  active?: boolean;
}[] = [
  { key: 'moj', name: 'Ministry of Justice', shortName: 'MoJ', kind: 'GOVERNMENT_DEPARTMENT' },
  { key: 'hmpps', name: 'HM Prison and Probation Service', shortName: 'HMPPS', kind: 'AGENCY', parent: 'moj' },
  { key: 'ps', name: 'The Probation Service', shortName: 'PS', kind: 'SERVICE', parent: 'hmpps' },
  { key: 'nps', name: 'National Probation Service (until 2021)', shortName: 'NPS', kind: 'SERVICE', parent: 'hmpps', active: false },
  { key: 'crcs', name: 'Community Rehabilitation Companies (until 2021)', shortName: 'CRCs', kind: 'OTHER', active: false },
  { key: 'wales', name: 'Probation Service Wales', shortName: 'Wales', kind: 'REGION', parent: 'ps' },
  { key: 'nw', name: 'Probation Service North West', shortName: 'North West', kind: 'REGION', parent: 'ps' },
  { key: 'london', name: 'Probation Service London', shortName: 'London', kind: 'REGION', parent: 'ps' },
  { key: 'cardiff', name: 'Cardiff and Vale PDU', kind: 'DELIVERY_UNIT', parent: 'wales' },
  { key: 'swansea', name: 'Swansea, Neath and Port Talbot PDU', kind: 'DELIVERY_UNIT', parent: 'wales' },
  { key: 'manchester', name: 'Manchester North PDU', kind: 'DELIVERY_UNIT', parent: 'nw' },
  { key: 'liverpool', name: 'Liverpool North PDU', kind: 'DELIVERY_UNIT', parent: 'nw' },
  { key: 'lambeth', name: 'Lambeth PDU', kind: 'DELIVERY_UNIT', parent: 'london' },
  { key: 'hackney', name: 'Hackney and City PDU', kind: 'DELIVERY_UNIT', parent: 'london' },
  { key: 'hmip', name: 'HM Inspectorate of Probation', shortName: 'HMIP', kind: 'INSPECTORATE' },
];

export const themes: { name: string; description: string }[] = [
  { name: 'risk assessment', description: 'Assessing the risk of further domestic abuse, including SARA and OASys.' },
  { name: 'information sharing', description: 'Enquiries with police and children’s social care, and use of what they return.' },
  { name: 'interventions', description: 'Structured domestic abuse interventions and toolkits, and their delivery volumes.' },
  { name: 'workload', description: 'Staffing, vacancies and caseloads, and their effect on practice.' },
  { name: 'victim safety', description: 'Identifying victims and children at risk and planning for their safety.' },
  { name: 'leadership and strategy', description: 'National strategy, policy and its use by frontline staff and managers.' },
  { name: 'reviewing', description: 'Reviewing cases when domestic abuse risk factors change.' },
  { name: 'partnership working', description: 'Specialist services, multidisciplinary teams and joint work.' },
  { name: 'staff training', description: 'Training and supervision for work with domestic abuse.' },
];

export const users: {
  key: string;
  email: string;
  name: string;
  role: Role;
  organisation?: string;
  password: string;
}[] = [
  { key: 'admin', email: 'admin@example.org', name: 'Alex Morgan (administrator)', role: 'ADMINISTRATOR', password: 'admin-demo-2026' },
  { key: 'inspector', email: 'inspector@example.org', name: 'Isla Price (inspector)', role: 'INSPECTOR', organisation: 'hmip', password: 'inspector-demo-2026' },
  { key: 'leader', email: 'leader@example.org', name: 'Lee Evans (leader, Wales)', role: 'LEADER', organisation: 'wales', password: 'leader-demo-2026' },
  { key: 'hmppsLeader', email: 'hmpps.leader@example.org', name: 'Harper Shah (leader, HMPPS)', role: 'LEADER', organisation: 'hmpps', password: 'hmpps-demo-2026' },
  { key: 'viewer', email: 'viewer@example.org', name: 'Val Okafor (viewer)', role: 'VIEWER', password: 'viewer-demo-2026' },
];

export const reports: {
  key: string;
  title: string;
  kind: ReportKind;
  publishedOn: Day;
  summary: string;
  followsUp: string[];
}[] = [
  {
    key: '2018',
    title: 'Domestic abuse: the work undertaken by Community Rehabilitation Companies (CRCs)',
    kind: 'THEMATIC',
    publishedOn: '2018-09-25',
    summary:
      'A thematic inspection of domestic abuse work by Community Rehabilitation Companies in five areas, based on 112 cases. ' +
      'Inspectors found too little enquiry with police and children’s services, weak risk assessment, and few people offered the interventions they needed. ' +
      DEMO_NOTICE,
    followsUp: [],
  },
  {
    key: '2023',
    title:
      'A thematic inspection of work undertaken, and progress made, by the Probation Service to reduce the incidence of domestic abuse and protect victims',
    kind: 'THEMATIC',
    publishedOn: '2023-07-04',
    summary:
      'Work in six probation delivery units, with two case samples (60 cases starting an order or licence and 83 cases starting a domestic abuse intervention). ' +
      '30% of people on probation are current or previous perpetrators of domestic abuse; only 28% had been sufficiently assessed for the risk of further abuse; ' +
      '45% should have had access to an intervention but had not; sentence delivery managed the risk effectively in 27% of cases and reviewing in 23%. ' +
      'Improvements in policy but not practice; many recommendations repeat those of earlier reports. ' +
      DEMO_NOTICE,
    followsUp: ['2018'],
  },
  {
    key: '2025',
    title: 'Domestic abuse: a review of progress on the 2023 thematic inspection’s recommendations',
    kind: 'FOLLOW_UP',
    publishedOn: '2025-10-14',
    summary:
      'A review of progress on each of the 13 recommendations made to HMPPS in 2023. A national domestic abuse strategy is now in place, ' +
      'but the quality of risk assessment, enquiries with other agencies and workloads remain of concern. ' +
      DEMO_NOTICE,
    followsUp: ['2023'],
  },
];

type Evidence = {
  summary: string;
  url?: string;
  strength: EvidenceStrength;
  submittedBy: string;
  submittedOn: Day;
  verification: EvidenceVerification;
  note?: string;
  verifiedOn?: Day;
};

type Action = {
  description: string;
  owner: string;
  lead?: string;
  due: Day;
  status: ActionItemStatus;
  completedOn?: Day;
  evidence?: Evidence[];
};

export type DemoRecommendation = {
  key: string;
  report: string;
  reference: string;
  text: string;
  owner: string;
  addressees: { org: string; response: RecommendationResponse; respondedOn?: Day; note?: string }[];
  themes: string[];
  /** The first target date, then each move with its reason. */
  target?: { first: Day; moves?: { on: Day; to: Day; reason: string }[] };
  /** Status changes in order, from NOT_STARTED. */
  status?: { on: Day; to: RecommendationStatus; comment: string }[];
  repeats?: string;
  actions?: Action[];
};

const accepted = (org: string, respondedOn: Day) => [{ org, response: 'ACCEPTED' as const, respondedOn }];

export const recommendations: DemoRecommendation[] = [
  // 2018 thematic: addressed to the CRCs, the NPS, HMPPS and the MoJ.
  {
    key: '2018-1', report: '2018', reference: '1', owner: 'crcs',
    text: 'Make sure that every case with indicators of domestic abuse has a full assessment of the risk of further abuse, drawing on information from the police and children’s social care.',
    addressees: accepted('crcs', '2018-12-14'), themes: ['risk assessment', 'information sharing'],
    target: { first: '2019-09-30' },
    status: [{ on: '2019-03-01', to: 'IN_PROGRESS', comment: 'Assessment guidance reissued to all CRC staff.' }, { on: '2020-01-15', to: 'IMPLEMENTED', comment: 'Audit of 40 cases shows assessments completed.' }],
  },
  {
    key: '2018-2', report: '2018', reference: '2', owner: 'crcs',
    text: 'Make domestic abuse enquiries with the police and safeguarding enquiries with children’s social care at the start of every relevant order, and again when circumstances change.',
    addressees: [{ org: 'crcs', response: 'ACCEPTED', respondedOn: '2018-12-14' }, { org: 'nps', response: 'ACCEPTED', respondedOn: '2018-12-14' }],
    themes: ['information sharing', 'victim safety'], target: { first: '2019-06-30' },
    status: [{ on: '2019-02-11', to: 'IN_PROGRESS', comment: 'Information-sharing protocols under negotiation with police forces.' }],
    actions: [
      { description: 'Agree information-sharing protocols with each police force area', owner: 'crcs', lead: 'Head of operations', due: '2019-06-30', status: 'CANCELLED' },
    ],
  },
  {
    key: '2018-3', report: '2018', reference: '3', owner: 'crcs',
    text: 'Deliver domestic abuse interventions promptly to everyone assessed as needing one, and monitor delivery against need.',
    addressees: accepted('crcs', '2018-12-14'), themes: ['interventions'], target: { first: '2019-12-31' },
    status: [{ on: '2019-05-20', to: 'IN_PROGRESS', comment: 'Waiting lists reviewed in each CRC.' }],
  },
  {
    key: '2018-4', report: '2018', reference: '4', owner: 'crcs',
    text: 'Review cases whenever risk factors for domestic abuse change, and adjust the work being done.',
    addressees: accepted('crcs', '2018-12-14'), themes: ['reviewing', 'risk assessment'], target: { first: '2019-09-30' },
    status: [{ on: '2019-04-01', to: 'IMPLEMENTED', comment: 'Review triggers added to the case management system.' }],
  },
  {
    key: '2018-5', report: '2018', reference: '5', owner: 'hmpps',
    text: 'Make sure that staff have manageable workloads and the training they need for work with domestic abuse.',
    addressees: [{ org: 'hmpps', response: 'PARTLY_ACCEPTED', respondedOn: '2018-12-20', note: 'Training accepted; workload depends on contract reform.' }],
    themes: ['workload', 'staff training'], target: { first: '2020-03-31' },
    status: [{ on: '2019-06-03', to: 'IN_PROGRESS', comment: 'Domestic abuse e-learning made mandatory.' }],
  },
  {
    key: '2018-6', report: '2018', reference: '6', owner: 'hmpps',
    text: 'Evaluate the effectiveness of the Building Better Relationships programme.',
    addressees: accepted('hmpps', '2018-12-20'), themes: ['interventions'], target: { first: '2020-12-31' },
    status: [{ on: '2019-09-09', to: 'IN_PROGRESS', comment: 'Evaluation scoped with analytical services.' }],
  },
  {
    key: '2018-7', report: '2018', reference: '7', owner: 'moj',
    text: 'Set out a clear national strategy for domestic abuse work across probation services.',
    addressees: [{ org: 'moj', response: 'ACCEPTED', respondedOn: '2018-12-20' }, { org: 'hmpps', response: 'ACCEPTED', respondedOn: '2018-12-20' }],
    themes: ['leadership and strategy'], target: { first: '2019-12-31' },
  },
  {
    key: '2018-8', report: '2018', reference: '8', owner: 'nps',
    text: 'Make sure that victims and children at risk are identified and that plans protect their safety.',
    addressees: accepted('nps', '2018-12-14'), themes: ['victim safety'], target: { first: '2019-09-30' },
    status: [{ on: '2019-07-01', to: 'IMPLEMENTED', comment: 'Victim safety section added to sentence plans.' }],
  },

  // 2023 thematic: 13 recommendations to HMPPS.
  {
    key: '2023-1', report: '2023', reference: 'R1', owner: 'hmpps', repeats: '2018-7',
    text: 'Develop and publish a specific domestic abuse strategy for the Probation Service, setting out its approach to work with perpetrators and victims.',
    addressees: accepted('hmpps', '2023-09-12'), themes: ['leadership and strategy'], target: { first: '2024-03-31' },
    status: [{ on: '2023-10-02', to: 'IN_PROGRESS', comment: 'Strategy drafting group set up.' }, { on: '2024-05-20', to: 'IMPLEMENTED', comment: 'Strategy published on the intranet.' }],
    actions: [
      { description: 'Draft the domestic abuse strategy with regions and specialist partners', owner: 'hmpps', lead: 'Head of public protection', due: '2024-02-29', status: 'COMPLETED', completedOn: '2024-03-15',
        evidence: [{ summary: 'Published Probation Service domestic abuse strategy, 2024–2027', strength: 'POLICY', submittedBy: 'hmppsLeader', submittedOn: '2024-05-21', verification: 'ACCEPTED', note: 'Strategy in place and referenced in regional plans.', verifiedOn: '2025-06-10' }] },
      { description: 'Brief every regional probation director on the strategy', owner: 'ps', lead: 'Chief probation officer’s office', due: '2024-07-31', status: 'COMPLETED', completedOn: '2024-07-18' },
    ],
  },
  {
    key: '2023-2', report: '2023', reference: 'R2', owner: 'hmpps',
    text: 'Make sure the domestic abuse policy framework is used by frontline staff and managers, and that managers check its use in supervision.',
    addressees: accepted('hmpps', '2023-09-12'), themes: ['leadership and strategy', 'staff training'], target: { first: '2024-06-30' },
    status: [{ on: '2023-11-06', to: 'IN_PROGRESS', comment: 'Framework summary cards issued.' }],
    actions: [
      { description: 'Add a domestic abuse check to the management oversight template', owner: 'ps', lead: 'Head of quality', due: '2024-04-30', status: 'COMPLETED', completedOn: '2024-06-03',
        evidence: [{ summary: 'Revised management oversight template with domestic abuse prompts', strength: 'POLICY', submittedBy: 'hmppsLeader', submittedOn: '2024-06-05', verification: 'INSUFFICIENT', note: 'A template alone does not show that managers use it; provide audit results.', verifiedOn: '2025-06-10' }] },
      { description: 'Audit use of the framework in supervision in every Welsh PDU', owner: 'wales', lead: 'Head of Wales quality team', due: '2025-03-31', status: 'IN_PROGRESS' },
    ],
  },
  {
    key: '2023-3', report: '2023', reference: 'R3', owner: 'hmpps', repeats: '2018-1',
    text: 'Improve the quality of domestic abuse risk assessment so that it analyses the risk of further abuse, using information from other agencies and previous assessments.',
    addressees: accepted('hmpps', '2023-09-12'), themes: ['risk assessment', 'information sharing'],
    target: { first: '2024-03-31', moves: [{ on: '2024-03-25', to: '2025-03-31', reason: 'Training roll-out delayed by recruitment of trainers.' }, { on: '2025-03-20', to: '2026-03-31', reason: 'Waiting for the new assessment system release.' }] },
    status: [{ on: '2023-10-16', to: 'IN_PROGRESS', comment: 'Risk assessment training commissioned.' }, { on: '2025-04-01', to: 'IMPLEMENTED', comment: 'Training delivered to all practitioners.' }],
    actions: [
      { description: 'Deliver risk of serious harm training with a domestic abuse module to all practitioners', owner: 'ps', lead: 'Head of learning and development', due: '2025-03-31', status: 'COMPLETED', completedOn: '2025-03-28',
        evidence: [
          { summary: 'Training completion figures: 94% of practitioners completed the module', strength: 'PRACTICE', submittedBy: 'hmppsLeader', submittedOn: '2025-04-02', verification: 'INSUFFICIENT', note: 'Completion is not quality: case audits still show weak analysis.', verifiedOn: '2025-06-10' },
        ] },
      { description: 'Quarterly audit of domestic abuse risk assessments in Cardiff and Vale', owner: 'cardiff', lead: 'Senior probation officer, quality', due: '2025-09-30', status: 'IN_PROGRESS',
        evidence: [{ summary: 'First quarterly audit: 31 of 50 assessments rated sufficient', strength: 'OUTCOME', submittedBy: 'leader', submittedOn: '2025-07-08', verification: 'UNVERIFIED' }] },
      { description: 'Quarterly audit of domestic abuse risk assessments in Manchester North', owner: 'manchester', lead: 'Head of PDU', due: '2025-09-30', status: 'PLANNED' },
    ],
  },
  {
    key: '2023-4', report: '2023', reference: 'R4', owner: 'hmpps',
    text: 'Bring the spousal assault risk assessment (SARA) into the main offender assessment system, and train practitioners in its purpose.',
    addressees: accepted('hmpps', '2023-09-12'), themes: ['risk assessment', 'staff training'],
    target: { first: '2024-12-31', moves: [{ on: '2024-11-28', to: '2026-06-30', reason: 'Depends on the assessment system replacement programme.' }] },
    status: [{ on: '2024-01-08', to: 'IN_PROGRESS', comment: 'Requirements agreed with the digital team.' }],
    actions: [
      { description: 'Specify SARA within the replacement assessment system', owner: 'hmpps', lead: 'Digital product owner', due: '2025-06-30', status: 'IN_PROGRESS' },
      { description: 'Refresh SARA guidance and briefing for practitioners', owner: 'ps', lead: 'Head of public protection', due: '2024-09-30', status: 'COMPLETED', completedOn: '2024-10-14',
        evidence: [{ summary: 'Refreshed SARA practice guidance', strength: 'POLICY', submittedBy: 'hmppsLeader', submittedOn: '2024-10-15', verification: 'ACCEPTED', note: 'Guidance is clear; practice not yet seen.', verifiedOn: '2025-06-10' }] },
    ],
  },
  {
    key: '2023-5', report: '2023', reference: 'R5', owner: 'hmpps', repeats: '2018-2',
    text: 'Make domestic abuse enquiries with the police and safeguarding enquiries with children’s social care in every relevant case at the start of the sentence, and use what they return.',
    addressees: accepted('hmpps', '2023-09-12'), themes: ['information sharing', 'victim safety'], target: { first: '2024-06-30' },
    status: [{ on: '2023-10-30', to: 'IN_PROGRESS', comment: 'National protocol with police forces in negotiation.' }],
    actions: [
      { description: 'Agree a national domestic abuse information-sharing protocol with police forces', owner: 'hmpps', lead: 'Head of partnerships', due: '2024-06-30', status: 'IN_PROGRESS' },
      { description: 'Adopt the Cardiff enquiry model in every Welsh PDU', owner: 'wales', lead: 'Regional head of public protection', due: '2025-01-31', status: 'IN_PROGRESS',
        evidence: [{ summary: 'Swansea PDU enquiry log showing enquiries made in 88% of new cases', strength: 'PRACTICE', submittedBy: 'leader', submittedOn: '2025-02-20', verification: 'UNVERIFIED' }] },
      { description: 'Report enquiry rates for London PDUs monthly', owner: 'london', lead: 'Regional performance lead', due: '2024-12-31', status: 'PLANNED' },
    ],
  },
  {
    key: '2023-6', report: '2023', reference: 'R6', owner: 'hmpps',
    text: 'Make sure information from other agencies is analysed and used to inform sentence management and reviews.',
    addressees: accepted('hmpps', '2023-09-12'), themes: ['information sharing', 'reviewing'], target: { first: '2024-09-30' },
    status: [{ on: '2024-02-12', to: 'IN_PROGRESS', comment: 'Practice guide in preparation.' }],
    actions: [
      { description: 'Publish a practice guide on analysing police and social care information', owner: 'ps', lead: 'Head of public protection', due: '2024-09-30', status: 'BLOCKED' },
    ],
  },
  {
    key: '2023-7', report: '2023', reference: 'R7', owner: 'hmpps', repeats: '2018-3',
    text: 'Complete an analysis of the volume of domestic abuse interventions that should be delivered, and monitor delivery against it.',
    addressees: accepted('hmpps', '2023-09-12'), themes: ['interventions'], target: { first: '2024-03-31' },
    status: [{ on: '2023-12-04', to: 'IN_PROGRESS', comment: 'Demand model built by analysts.' }],
    actions: [
      { description: 'Build a demand model for domestic abuse interventions', owner: 'hmpps', lead: 'Head of interventions', due: '2024-03-31', status: 'COMPLETED', completedOn: '2024-05-10',
        evidence: [{ summary: 'Interventions demand model and first regional figures', strength: 'POLICY', submittedBy: 'hmppsLeader', submittedOn: '2024-05-12', verification: 'ACCEPTED', note: 'Model in place; delivery still below demand.', verifiedOn: '2025-06-10' }] },
      { description: 'Publish quarterly delivery against demand for each region', owner: 'ps', lead: 'Performance directorate', due: '2024-12-31', status: 'IN_PROGRESS' },
    ],
  },
  {
    key: '2023-8', report: '2023', reference: 'R8', owner: 'hmpps', repeats: '2018-6',
    text: 'Evaluate the effectiveness of Building Better Relationships before it is replaced by the next generation programme.',
    addressees: [{ org: 'hmpps', response: 'PARTLY_ACCEPTED', respondedOn: '2023-09-12', note: 'Evaluation effort will go to the replacement programme.' }],
    themes: ['interventions'], target: { first: '2024-12-31' },
    status: [{ on: '2023-09-12', to: 'NOT_PLANNED', comment: 'Partly accepted: the replacement programme will be evaluated instead.' }],
  },
  {
    key: '2023-9', report: '2023', reference: 'R9', owner: 'hmpps', repeats: '2018-5',
    text: 'Reduce practitioner workloads so that domestic abuse work, interventions and partnership work are not cut back under the prioritisation framework.',
    addressees: [{ org: 'hmpps', response: 'PARTLY_ACCEPTED', respondedOn: '2023-09-12', note: 'Subject to recruitment and funding.' }],
    themes: ['workload'], target: { first: '2025-03-31' },
    status: [{ on: '2023-10-02', to: 'IN_PROGRESS', comment: 'Recruitment campaign under way.' }],
    actions: [
      { description: 'Recruit trainee probation officers to fill front-line vacancies', owner: 'hmpps', lead: 'Workforce director', due: '2025-03-31', status: 'IN_PROGRESS',
        evidence: [{ summary: 'Vacancy rates by PDU, March 2025', strength: 'OUTCOME', submittedBy: 'hmppsLeader', submittedOn: '2025-04-15', verification: 'INSUFFICIENT', note: 'Two inspected PDUs still have vacancy rates above 30%.', verifiedOn: '2025-06-10' }] },
      { description: 'Restore partnership work in PDUs leaving the prioritisation framework', owner: 'nw', lead: 'Regional probation director', due: '2025-06-30', status: 'PLANNED' },
    ],
  },
  {
    key: '2023-10', report: '2023', reference: 'R10', owner: 'hmpps', repeats: '2018-4',
    text: 'Make sure that reviews of cases respond to changes in factors linked to domestic abuse, gathering information from other agencies when needed.',
    addressees: accepted('hmpps', '2023-09-12'), themes: ['reviewing', 'information sharing'], target: { first: '2024-09-30' },
    status: [{ on: '2024-01-22', to: 'IN_PROGRESS', comment: 'Review prompts designed.' }],
    actions: [
      { description: 'Add domestic abuse review prompts to the case management system', owner: 'hmpps', lead: 'Digital product owner', due: '2024-09-30', status: 'COMPLETED', completedOn: '2024-11-04' },
    ],
  },
  {
    key: '2023-11', report: '2023', reference: 'R11', owner: 'hmpps',
    text: 'Make sure practitioners know about and use the specialist domestic abuse services in their area.',
    addressees: accepted('hmpps', '2023-09-12'), themes: ['partnership working'], target: { first: '2024-06-30' },
    status: [{ on: '2023-11-20', to: 'IN_PROGRESS', comment: 'Service directories being compiled.' }],
    actions: [
      { description: 'Publish a directory of specialist domestic abuse services for each Welsh PDU', owner: 'wales', lead: 'Partnerships manager', due: '2024-06-30', status: 'COMPLETED', completedOn: '2024-06-21',
        evidence: [{ summary: 'Directories for Cardiff and Vale and for Swansea, Neath and Port Talbot', strength: 'POLICY', submittedBy: 'leader', submittedOn: '2024-06-24', verification: 'ACCEPTED', note: 'Directories complete and current.', verifiedOn: '2025-06-10' }] },
      { description: 'Publish a directory of specialist domestic abuse services for each London PDU', owner: 'london', lead: 'Partnerships manager', due: '2024-06-30', status: 'IN_PROGRESS' },
    ],
  },
  {
    key: '2023-12', report: '2023', reference: 'R12', owner: 'hmpps',
    text: 'Extend specialist multidisciplinary domestic abuse teams where they have been shown to work, and learn from joint work such as the Drive project.',
    addressees: accepted('hmpps', '2023-09-12'), themes: ['partnership working', 'interventions'], target: { first: '2025-03-31' },
    status: [{ on: '2024-04-15', to: 'IN_PROGRESS', comment: 'Business case for two further teams.' }],
    actions: [
      { description: 'Business case for multidisciplinary teams in two further regions', owner: 'hmpps', lead: 'Head of public protection', due: '2024-12-31', status: 'BLOCKED' },
    ],
  },
  {
    key: '2023-13', report: '2023', reference: 'R13', owner: 'hmpps', repeats: '2018-8',
    text: 'Make sure victims and their children are identified, and that their safety is planned for and reviewed throughout the sentence.',
    addressees: accepted('hmpps', '2023-09-12'), themes: ['victim safety'], target: { first: '2024-06-30' },
    status: [{ on: '2023-10-09', to: 'IN_PROGRESS', comment: 'Victim safety planning guidance revised.' }, { on: '2024-08-05', to: 'IMPLEMENTED', comment: 'Guidance issued and briefed.' }],
    actions: [
      { description: 'Revise victim safety planning guidance', owner: 'ps', lead: 'Head of victim services', due: '2024-06-30', status: 'COMPLETED', completedOn: '2024-07-30',
        evidence: [{ summary: 'Revised victim safety planning guidance', strength: 'POLICY', submittedBy: 'hmppsLeader', submittedOn: '2024-08-05', verification: 'ACCEPTED', note: 'Sound guidance.', verifiedOn: '2025-06-10' },
          { summary: 'Case audit: safety plans present in 19 of 40 relevant cases', strength: 'OUTCOME', submittedBy: 'hmppsLeader', submittedOn: '2025-05-02', verification: 'INSUFFICIENT', note: 'Fewer than half of cases have a plan.', verifiedOn: '2025-06-10' }] },
    ],
  },

  // 2025 review: recommendations still unmet are made again.
  {
    key: '2025-1', report: '2025', reference: '1', owner: 'hmpps', repeats: '2023-3',
    text: 'Improve the quality of domestic abuse risk assessment, so that assessments analyse the risk of further abuse using information from other agencies.',
    addressees: accepted('hmpps', '2025-12-09'), themes: ['risk assessment'], target: { first: '2026-09-30' },
    status: [{ on: '2026-01-12', to: 'IN_PROGRESS', comment: 'Assessment quality panels set up in every region.' }],
    actions: [
      { description: 'Quality panels review ten domestic abuse assessments a month in each region', owner: 'ps', lead: 'Head of quality', due: '2026-03-31', status: 'IN_PROGRESS' },
      { description: 'Wales assessment quality panel, monthly', owner: 'wales', lead: 'Senior probation officer, quality', due: '2027-03-31', status: 'IN_PROGRESS' },
    ],
  },
  {
    key: '2025-2', report: '2025', reference: '2', owner: 'hmpps', repeats: '2023-5',
    text: 'Make and use domestic abuse and safeguarding enquiries in every relevant case at the start of the sentence.',
    addressees: accepted('hmpps', '2025-12-09'), themes: ['information sharing'], target: { first: '2026-06-30' },
    actions: [
      { description: 'Monthly enquiry-rate report for every PDU', owner: 'ps', lead: 'Performance directorate', due: '2026-04-30', status: 'PLANNED' },
    ],
  },
  {
    key: '2025-3', report: '2025', reference: '3', owner: 'hmpps', repeats: '2023-9',
    text: 'Bring practitioner workloads to a level at which domestic abuse work can be done well, and fund the staffing to sustain it.',
    addressees: [{ org: 'hmpps', response: 'ACCEPTED', respondedOn: '2025-12-09' }, { org: 'moj', response: 'PARTLY_ACCEPTED', respondedOn: '2025-12-16', note: 'Funding subject to the spending review.' }],
    themes: ['workload'], target: { first: '2027-03-31' },
    // Reported implemented and not yet assessed: it waits for the inspectors (an inspector's My work).
    status: [{ on: '2026-02-02', to: 'IN_PROGRESS', comment: 'Workload measurement tool rolled out to every PDU.' }, { on: '2026-11-16', to: 'IMPLEMENTED', comment: 'Every PDU now below 110% of its workload capacity.' }],
  },
];

export const assessments: {
  recommendation: string;
  report: string;
  verdict: AssessmentVerdict;
  assessedOn: Day;
  commentary: string;
}[] = [
  // Made in the 2023 thematic, on the 2018 recommendations.
  { recommendation: '2018-1', report: '2023', verdict: 'NOT_ACHIEVED', assessedOn: '2023-07-04', commentary: 'Only 28% of cases had a sufficient assessment of the risk of domestic abuse.' },
  { recommendation: '2018-2', report: '2023', verdict: 'NOT_ACHIEVED', assessedOn: '2023-07-04', commentary: 'Too few enquiries with children’s social care and the police to inform sentence management.' },
  { recommendation: '2018-3', report: '2023', verdict: 'NOT_ACHIEVED', assessedOn: '2023-07-04', commentary: '45% of the sample should have had access to an intervention but had not; no analysis of expected volumes.' },
  { recommendation: '2018-4', report: '2023', verdict: 'NOT_ACHIEVED', assessedOn: '2023-07-04', commentary: 'Reviewing focused adequately on the risk of domestic abuse in only 23% of cases.' },
  { recommendation: '2018-5', report: '2023', verdict: 'NOT_ACHIEVED', assessedOn: '2023-07-04', commentary: 'Workloads excessively high; one PDU had 50% front-line vacancies.' },
  { recommendation: '2018-6', report: '2023', verdict: 'NOT_ACHIEVED', assessedOn: '2023-07-04', commentary: 'No evaluation of Building Better Relationships has been carried out.' },
  { recommendation: '2018-7', report: '2023', verdict: 'PARTLY_ACHIEVED', assessedOn: '2023-07-04', commentary: 'A policy framework exists, but the Probation Service has no specific domestic abuse strategy.' },
  { recommendation: '2018-8', report: '2023', verdict: 'PARTLY_ACHIEVED', assessedOn: '2023-07-04', commentary: 'Victims are identified more often, but safety planning is inconsistent.' },
  // Made in the 2025 review, on each 2023 recommendation.
  { recommendation: '2023-1', report: '2025', verdict: 'ACHIEVED', assessedOn: '2025-10-14', commentary: 'A domestic abuse strategy has been published and is referenced in regional plans.' },
  { recommendation: '2023-2', report: '2025', verdict: 'PARTLY_ACHIEVED', assessedOn: '2025-10-14', commentary: 'Templates changed; little sign that managers check use of the framework.' },
  { recommendation: '2023-3', report: '2025', verdict: 'NOT_ACHIEVED', assessedOn: '2025-10-14', commentary: 'Training delivered, but the quality of risk assessment has not improved in the cases examined.' },
  { recommendation: '2023-4', report: '2025', verdict: 'PARTLY_ACHIEVED', assessedOn: '2025-10-14', commentary: 'Guidance refreshed; SARA still sits outside the main assessment system.' },
  { recommendation: '2023-5', report: '2025', verdict: 'NOT_ACHIEVED', assessedOn: '2025-10-14', commentary: 'Enquiry rates vary widely; no national protocol is in place.' },
  { recommendation: '2023-6', report: '2025', verdict: 'NOT_ACHIEVED', assessedOn: '2025-10-14', commentary: 'Information from other agencies is still not analysed in most cases.' },
  { recommendation: '2023-7', report: '2025', verdict: 'PARTLY_ACHIEVED', assessedOn: '2025-10-14', commentary: 'A demand model exists; delivery is still well below it.' },
  { recommendation: '2023-8', report: '2025', verdict: 'NOT_ACHIEVED', assessedOn: '2025-10-14', commentary: 'No evaluation has been carried out.' },
  { recommendation: '2023-9', report: '2025', verdict: 'NOT_ACHIEVED', assessedOn: '2025-10-14', commentary: 'Workloads remain excessive in two of the PDUs revisited.' },
  { recommendation: '2023-10', report: '2025', verdict: 'PARTLY_ACHIEVED', assessedOn: '2025-10-14', commentary: 'Review prompts exist; reviews still rarely draw on other agencies.' },
  { recommendation: '2023-11', report: '2025', verdict: 'PARTLY_ACHIEVED', assessedOn: '2025-10-14', commentary: 'Directories in Wales; other regions behind.' },
  { recommendation: '2023-12', report: '2025', verdict: 'NOT_ACHIEVED', assessedOn: '2025-10-14', commentary: 'No further specialist teams have been set up.' },
  { recommendation: '2023-13', report: '2025', verdict: 'PARTLY_ACHIEVED', assessedOn: '2025-10-14', commentary: 'Guidance is sound; fewer than half of relevant cases have a safety plan.' },
];
