/**
 * The words of synthetic recommendations: topics an inspectorate of prisons, probation and youth
 * justice writes about, each with its own objects and aims, generic actions, and the bodies
 * addressed (some renamed over time). A recommendation's intent is a topic, an action, an object
 * and an aim; its text is one wording of that intent. A repeat is the same intent worded again
 * (other synonyms, another sentence frame, the addressee's name of the day, with or without a
 * citation of the earlier one), so the ranking has to find it the way it would in real reports.
 */

/** Each slot has wordings that mean the same: [first wording, second, …]. */
export type Wordings = readonly string[];

export type Topic = {
  name: string;
  /** Where such recommendations are made: establishments of these kinds, or national bodies. */
  places: readonly PlaceKind[];
  objects: readonly Wordings[];
  /** Each aim as [“so that …” wordings…] and [“to …” wordings…]. */
  aims: readonly [Wordings, Wordings][];
};

export type PlaceKind = 'prison' | 'probation' | 'youth';

export const ACTIONS: readonly Wordings[] = [
  ['review', 'carry out a review of', 're-examine'],
  ['improve the quality of', 'raise the standard of', 'strengthen'],
  ['monitor', 'keep under regular review', 'track'],
  ['put in place', 'introduce', 'establish'],
  ['train staff in', 'make sure staff are trained in', 'provide training for staff on'],
  ['audit', 'quality assure', 'regularly check'],
  ['agree with partners', 'develop jointly with partner agencies', 'set up with partners'],
  ['publish', 'set out clearly', 'issue'],
];

export const CONTEXTS: Wordings = [
  '', '', '', ' in every case', ' across all sites', ' within six months', ' without delay', ' from the start of the sentence',
  ' and report progress to the board', ' with clear lines of accountability', ' as a matter of priority', ' at each stage of the case',
];

export const TOPICS: readonly Topic[] = [
  {
    name: 'risk of serious harm',
    places: ['probation', 'youth'],
    objects: [
      ['risk of serious harm assessments', 'assessments of the risk of serious harm', 'RoSH assessments'],
      ['risk management plans', 'plans to manage risk', 'risk management planning'],
      ['the use of police domestic abuse call-out information', 'checks of police call-out records', 'enquiries about domestic abuse call-outs'],
      ['home visits to high-risk cases', 'visits to the homes of people posing a high risk', 'home visits where risk is high'],
      ['management oversight of high-risk cases', 'managers’ oversight of cases posing a high risk', 'supervision of high-risk casework'],
    ],
    aims: [
      [['so that risk to the public is identified and managed'], ['to identify and manage risk to the public']],
      [['so that potential victims are protected'], ['to protect potential victims']],
      [['so that changes in risk are acted on promptly'], ['to act promptly on changes in risk']],
    ],
  },
  {
    name: 'safeguarding children',
    places: ['probation', 'youth'],
    objects: [
      ['safeguarding enquiries with children’s social care', 'checks with children’s services', 'information requests to children’s social care'],
      ['referrals to the local authority designated officer', 'LADO referrals', 'referrals to the designated officer'],
      ['contact arrangements with children', 'arrangements for contact with children', 'child contact arrangements'],
      ['multi-agency safeguarding hub checks', 'MASH checks', 'checks through the safeguarding hub'],
    ],
    aims: [
      [['so that children at risk are identified'], ['to identify children at risk']],
      [['so that safeguarding concerns are shared with the right agencies'], ['to share safeguarding concerns with the right agencies']],
      [['so that children are kept safe'], ['to keep children safe']],
    ],
  },
  {
    name: 'use of force',
    places: ['prison', 'youth'],
    objects: [
      ['the governance of use of force', 'oversight of force used by staff', 'use of force governance'],
      ['body-worn camera footage of incidents', 'camera footage of use of force', 'video recordings of restraint'],
      ['pain-inducing restraint techniques', 'the use of pain-inducing techniques', 'restraint that causes pain'],
      ['de-escalation practice', 'the use of de-escalation', 'de-escalation techniques'],
    ],
    aims: [
      [['so that force is used only as a last resort'], ['to make sure force is used only as a last resort']],
      [['so that unjustified force is identified and challenged'], ['to identify and challenge unjustified force']],
      [['so that incidents are reviewed and lessons learned'], ['to review incidents and learn lessons']],
    ],
  },
  {
    name: 'segregation',
    places: ['prison', 'youth'],
    objects: [
      ['the use of segregation', 'segregation of prisoners', 'the segregation unit'],
      ['reintegration planning for segregated prisoners', 'plans to return segregated prisoners to the wings', 'reintegration plans'],
      ['the regime in the segregation unit', 'time out of cell for segregated prisoners', 'the segregation regime'],
      ['separation of children from their peers', 'the separation of children', 'keeping children apart from others'],
    ],
    aims: [
      [['so that segregation lasts no longer than necessary'], ['to keep segregation as short as possible']],
      [['so that segregated prisoners have a meaningful regime'], ['to give segregated prisoners a meaningful regime']],
    ],
  },
  {
    name: 'self-harm and suicide prevention',
    places: ['prison', 'youth'],
    objects: [
      ['ACCT case management', 'assessment, care in custody and teamwork procedures', 'ACCT care planning'],
      ['the quality of ACCT reviews', 'ACCT review meetings', 'reviews under the ACCT process'],
      ['recommendations from Prisons and Probation Ombudsman investigations', 'PPO recommendations after deaths in custody', 'learning from deaths in custody'],
      ['support for prisoners in their first days in custody', 'early days support', 'first night and induction support'],
      ['ligature points in cells', 'cell safety checks for ligature points', 'the removal of ligature points'],
    ],
    aims: [
      [['so that prisoners at risk of self-harm are properly supported'], ['to support prisoners at risk of self-harm properly']],
      [['so that the number of self-inflicted deaths falls'], ['to reduce self-inflicted deaths']],
      [['so that triggers of self-harm are understood and addressed'], ['to understand and address what triggers self-harm']],
    ],
  },
  {
    name: 'purposeful activity',
    places: ['prison', 'youth'],
    objects: [
      ['time out of cell', 'the amount of time prisoners spend unlocked', 'time unlocked'],
      ['attendance at education, skills and work', 'attendance at learning and work', 'participation in education and work'],
      ['the allocation of activity places', 'allocation to work and education', 'how activity places are allocated'],
      ['access to the library and the gym', 'library and gym sessions', 'access to library and PE'],
    ],
    aims: [
      [['so that prisoners are engaged in purposeful activity'], ['to engage prisoners in purposeful activity']],
      [['so that no prisoner spends more than 22 hours a day locked up'], ['to end the practice of locking prisoners up for 22 hours a day']],
    ],
  },
  {
    name: 'education and employment',
    places: ['prison', 'probation', 'youth'],
    objects: [
      ['reading support for those who cannot read well', 'help with reading', 'a reading strategy'],
      ['the quality of teaching in English and mathematics', 'English and maths teaching', 'teaching of functional skills'],
      ['links with employers on release', 'work with local employers', 'employment partnerships'],
      ['the education, training and employment needs of people on probation', 'ETE needs', 'assessment of employment needs'],
    ],
    aims: [
      [['so that more people enter work after release'], ['to help more people into work after release']],
      [['so that learners make good progress'], ['to help learners make good progress']],
      [['so that qualifications match local jobs'], ['to match qualifications to local jobs']],
    ],
  },
  {
    name: 'resettlement',
    places: ['prison', 'probation'],
    objects: [
      ['release planning', 'pre-release planning', 'planning for release'],
      ['accommodation on release', 'housing for people leaving prison', 'settled accommodation after release'],
      ['the handover between prison and probation', 'handover from custody to community', 'the transfer of cases on release'],
      ['identification documents and bank accounts before release', 'ID and banking arrangements for release', 'help with ID and bank accounts'],
    ],
    aims: [
      [['so that no one is released homeless'], ['to prevent homelessness on release']],
      [['so that people are supported from their first day out'], ['to support people from their first day out']],
      [['so that the risk of reoffending falls'], ['to reduce the risk of reoffending']],
    ],
  },
  {
    name: 'substance misuse',
    places: ['prison', 'probation', 'youth'],
    objects: [
      ['the supply of illicit drugs', 'drug supply routes', 'the availability of drugs'],
      ['mandatory drug testing', 'random drug testing', 'drug testing'],
      ['opiate substitution treatment', 'opioid substitution therapy', 'substitute prescribing'],
      ['psychoactive substance use', 'the use of spice', 'synthetic cannabinoid use'],
    ],
    aims: [
      [['so that drug use is reduced'], ['to reduce drug use']],
      [['so that people with a drug problem get treatment'], ['to get treatment to people with a drug problem']],
    ],
  },
  {
    name: 'health care',
    places: ['prison', 'youth'],
    objects: [
      ['waiting times for mental health assessment', 'the wait for mental health assessments', 'mental health waiting lists'],
      ['transfers to secure hospital under the Mental Health Act', 'transfers under the Mental Health Act', 'hospital transfers for acutely unwell prisoners'],
      ['medicines administration', 'the administration of medicines', 'medication rounds'],
      ['dental waiting lists', 'access to a dentist', 'dental care'],
    ],
    aims: [
      [['so that patients are treated within national time limits'], ['to treat patients within national time limits']],
      [['so that care equals that in the community'], ['to provide care equal to that in the community']],
    ],
  },
  {
    name: 'staffing and workload',
    places: ['prison', 'probation', 'youth'],
    objects: [
      ['caseloads of probation practitioners', 'practitioner workloads', 'the number of cases each practitioner holds'],
      ['vacancies in frontline posts', 'recruitment to vacant posts', 'staff vacancies'],
      ['the retention of new staff', 'keeping newly recruited staff', 'staff turnover'],
      ['the use of agency staff', 'reliance on temporary staff', 'agency cover'],
    ],
    aims: [
      [['so that staff have time for meaningful work with each person'], ['to give staff time for meaningful work with each person']],
      [['so that services are delivered safely'], ['to deliver services safely']],
    ],
  },
  {
    name: 'supervision and quality',
    places: ['probation', 'youth'],
    objects: [
      ['management oversight of casework', 'the oversight of cases by managers', 'managerial oversight'],
      ['reflective supervision for practitioners', 'supervision sessions', 'practitioner supervision'],
      ['the quality of pre-sentence reports', 'court reports', 'advice to court'],
      ['case audits', 'audits of case records', 'case file reviews'],
    ],
    aims: [
      [['so that the quality of work improves'], ['to improve the quality of work']],
      [['so that practitioners’ decisions are checked and supported'], ['to check and support practitioners’ decisions']],
    ],
  },
  {
    name: 'domestic abuse',
    places: ['probation'],
    objects: [
      ['domestic abuse enquiries with the police', 'police checks for domestic abuse', 'domestic abuse call-out checks'],
      ['the delivery of the Building Better Relationships programme', 'BBR programme places', 'accredited domestic abuse programmes'],
      ['safety planning for victims of domestic abuse', 'plans to keep domestic abuse victims safe', 'victim safety plans'],
      ['MARAC referrals', 'referrals to multi-agency risk assessment conferences', 'MARAC information'],
    ],
    aims: [
      [['so that victims of domestic abuse are protected'], ['to protect victims of domestic abuse']],
      [['so that perpetrators change their behaviour'], ['to change perpetrators’ behaviour']],
    ],
  },
  {
    name: 'diversity and equality',
    places: ['prison', 'probation', 'youth'],
    objects: [
      ['outcomes for black and minority ethnic people', 'the experience of ethnic minority groups', 'race equality outcomes'],
      ['discrimination incident report forms', 'DIRFs', 'complaints of discrimination'],
      ['support for neurodivergent people', 'adjustments for neurodiversity', 'neurodiversity screening'],
      ['provision for older prisoners', 'support for older people in custody', 'the needs of older prisoners'],
    ],
    aims: [
      [['so that disproportionate outcomes are understood and tackled'], ['to understand and tackle disproportionate outcomes']],
      [['so that everyone is treated fairly'], ['to treat everyone fairly']],
    ],
  },
  {
    name: 'victims',
    places: ['probation'],
    objects: [
      ['contact with victims under the Victim Contact Scheme', 'victim liaison', 'the victim contact service'],
      ['licence conditions that protect victims', 'exclusion zones in licence conditions', 'victim-related licence conditions'],
      ['information given to victims about release', 'telling victims about release dates', 'notification of victims'],
    ],
    aims: [
      [['so that victims’ views inform release decisions'], ['to let victims’ views inform release decisions']],
      [['so that victims feel safe and informed'], ['to keep victims safe and informed']],
    ],
  },
  {
    name: 'court work',
    places: ['probation', 'youth'],
    objects: [
      ['pre-sentence information for courts', 'information given to courts before sentence', 'court reports'],
      ['the use of out-of-court disposals', 'out-of-court disposal decisions', 'diversion from court'],
      ['bail and remand assessments', 'assessments for bail', 'remand decisions'],
    ],
    aims: [
      [['so that sentencers have the information they need'], ['to give sentencers the information they need']],
      [['so that children are diverted from the criminal justice system where possible'], ['to divert children from the criminal justice system where possible']],
    ],
  },
  {
    name: 'living conditions',
    places: ['prison', 'youth'],
    objects: [
      ['cell conditions', 'the condition of cells', 'cell refurbishment'],
      ['access to showers and clean clothing', 'showers and laundry', 'clean clothes and bedding'],
      ['the quality of food', 'meals', 'food served to prisoners'],
      ['vermin in residential units', 'pest control', 'rats and cockroaches on the wings'],
    ],
    aims: [
      [['so that living conditions are decent'], ['to provide decent living conditions']],
      [['so that prisoners live in clean and safe conditions'], ['to keep living conditions clean and safe']],
    ],
  },
  {
    name: 'leadership and strategy',
    places: ['prison', 'probation', 'youth'],
    objects: [
      ['the local strategy and its action plan', 'the improvement plan', 'the delivery plan'],
      ['performance data used by leaders', 'management information', 'the use of data by managers'],
      ['partnership board arrangements', 'the management board', 'governance arrangements'],
      ['the response to previous inspection recommendations', 'progress on earlier recommendations', 'action on past recommendations'],
    ],
    aims: [
      [['so that leaders know what is working and act on it'], ['to let leaders know what is working and act on it']],
      [['so that improvement is sustained'], ['to sustain improvement']],
    ],
  },
];

export type NationalBody = { key: string; name: string; shortName: string; formerNames: { name: string; until: number }[]; places: readonly PlaceKind[] };

/** The national bodies addressed, with the names they had before (until a year). */
export const NATIONAL_BODIES: readonly NationalBody[] = [
  { key: 'hmpps', name: 'HM Prison and Probation Service', shortName: 'HMPPS', formerNames: [{ name: 'National Offender Management Service', until: 2017 }, { name: 'NOMS', until: 2017 }], places: ['prison', 'probation'] },
  { key: 'ps', name: 'The Probation Service', shortName: 'PS', formerNames: [{ name: 'National Probation Service', until: 2021 }, { name: 'NPS', until: 2021 }], places: ['probation'] },
  { key: 'moj', name: 'Ministry of Justice', shortName: 'MoJ', formerNames: [], places: ['prison', 'probation', 'youth'] },
  { key: 'yjb', name: 'Youth Justice Board', shortName: 'YJB', formerNames: [], places: ['youth'] },
  { key: 'nhse', name: 'NHS England', shortName: 'NHSE', formerNames: [{ name: 'NHS Commissioning Board', until: 2013 }], places: ['prison', 'youth'] },
  { key: 'ukhsa', name: 'UK Health Security Agency', shortName: 'UKHSA', formerNames: [{ name: 'Public Health England', until: 2021 }, { name: 'PHE', until: 2021 }], places: ['prison'] },
  { key: 'dfe', name: 'Department for Education', shortName: 'DfE', formerNames: [{ name: 'Department for Children, Schools and Families', until: 2010 }], places: ['youth'] },
  { key: 'hmcts', name: 'HM Courts and Tribunals Service', shortName: 'HMCTS', formerNames: [{ name: 'HM Courts Service', until: 2011 }], places: ['probation', 'youth'] },
];

export const TOWNS: readonly string[] = [
  'Leeds', 'Bristol', 'Norwich', 'Exeter', 'Durham', 'Lincoln', 'Preston', 'Hull', 'Cardiff', 'Swansea', 'Wrexham', 'Chelmsford',
  'Lewes', 'Winchester', 'Bedford', 'Nottingham', 'Leicester', 'Birmingham', 'Wolverhampton', 'Stoke', 'Liverpool', 'Manchester',
  'Doncaster', 'Sheffield', 'Newcastle', 'Sunderland', 'Carlisle', 'Lancaster', 'Reading', 'Oxford', 'Cambridge', 'Peterborough',
  'Ipswich', 'Canterbury', 'Maidstone', 'Brighton', 'Portsmouth', 'Southampton', 'Plymouth', 'Truro', 'Gloucester', 'Worcester',
  'Hereford', 'Shrewsbury', 'Derby', 'Northampton', 'Coventry', 'Warwick', 'Luton', 'Watford', 'Croydon', 'Lambeth', 'Hackney',
  'Wandsworth', 'Brixton', 'Pentonville', 'Belmarsh', 'Wakefield', 'York', 'Bradford', 'Huddersfield', 'Halifax', 'Blackburn',
  'Bolton', 'Wigan', 'Chester', 'Stafford', 'Telford', 'Swindon', 'Bath', 'Taunton', 'Dorchester', 'Bournemouth', 'Guildford',
  'Aylesbury', 'Milton Keynes', 'Colchester', 'Basildon', 'Southend', 'Grimsby', 'Scunthorpe', 'Middlesbrough', 'Darlington',
  'Hartlepool', 'Barnsley', 'Rotherham', 'Mansfield', 'Newport', 'Merthyr Tydfil', 'Bridgend', 'Llanelli', 'Bangor', 'Kendal',
];

/**
 * Endings that make a second or later establishment's place name from a town's ("Hullbridge"): one word,
 * so that no establishment's name (or former name) is found inside another's, as "HMP Hull" would be
 * inside "HMP Hull North".
 */
export const DISTRICTS: readonly string[] = ['bridge', 'field', 'ford', 'ham', 'ley', 'stead', 'well', 'worth'];

export type PlaceName = { current: string; formerNames: { name: string; until: number }[] };

/** An establishment's name, and what it was called before if it has been renamed. */
export function placeName(kind: PlaceKind, town: string, renamed: boolean): PlaceName {
  switch (kind) {
    case 'prison':
      return renamed
        ? { current: `HMP and YOI ${town}`, formerNames: [{ name: `HMP ${town}`, until: 2016 }] }
        : { current: `HMP ${town}`, formerNames: [] };
    case 'probation':
      return renamed
        ? { current: `${town} Probation Delivery Unit`, formerNames: [{ name: `${town} Local Delivery Unit`, until: 2021 }] }
        : { current: `${town} Probation Delivery Unit`, formerNames: [] };
    case 'youth':
      return renamed
        ? { current: `${town} Youth Justice Service`, formerNames: [{ name: `${town} Youth Offending Team`, until: 2020 }] }
        : { current: `${town} Youth Justice Service`, formerNames: [] };
  }
}

/** Who at an establishment a recommendation speaks to, when it does not name the establishment. */
export const LOCAL_LEADERS: Record<PlaceKind, Wordings> = {
  prison: ['The governor', 'Leaders', 'The prison’s leaders', 'Managers'],
  probation: ['The head of service', 'Leaders', 'Senior managers', 'The PDU head'],
  youth: ['The management board', 'Leaders', 'The head of service', 'Partners on the board'],
};

export const CITATIONS_WITH_NUMBER: Wordings = [
  ' This repeats recommendation {ref} of our {month} {year} report.',
  ' (Repeated from recommendation {ref}, {year}.)',
  ' We made this recommendation in {year} ({ref}) and it has not been achieved.',
  ' This recommendation was previously made as {ref} in ‘{title}’.',
];

export const CITATIONS_WITHOUT_NUMBER: Wordings = [
  ' This was previously recommended in our {year} report.',
  ' We made a similar recommendation at our last inspection in {year}.',
  ' As at our previous inspection, this recommendation has not been achieved.',
];

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
