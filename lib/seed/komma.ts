// The programme's first real content, taken from its announcement
// (../shared/seed/komma-transferworkshops-2025.txt). The external survey
// links of the announcement are deliberately absent: our own form replaces them.

import { institutionKindQuestion } from "../dashboard/institution-kinds";

export type SeedSession = { date: string; start: string; end: string };

export type SeedQuestion = {
  type: "TEXT" | "LONG_TEXT" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "CHECKBOX";
  labelDe: string;
  labelEn: string;
  required: boolean;
  options?: { value: string; labelDe: string; labelEn: string }[];
  /** What the answers mean in reports (prisma Question.reportKey). */
  reportKey?: string;
};

export type SeedWorkshop = {
  slug: string;
  title: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
  description: string;
  descriptionEn: string;
  guidingQuestions: string[];
  guidingQuestionsEn: string[];
  instruments: string[];
  originalSessions: SeedSession[];
  questions: SeedQuestion[];
  materialTitle: string;
  materialTitleEn: string;
};

export const TIME_ZONE = "Europe/Berlin";

export const kommaProgramme = {
  slug: "komma",
  name: "KommA – Kommunale Allianzen gegen Rassismus und Hass",
  nameEn: "KommA – Municipal Alliances against Racism and Hate",
  descriptionEn:
    "For three years, the model project KommA – Municipal Alliances against Racism and Hate has worked intensively to give municipalities practical support. In ten model municipalities, best practices, instruments and strategies were developed with which municipalities can effectively protect officials, elected representatives and administrative staff from hostility, racism and discrimination, and support them when incidents occur.\n\nWe would now like to share the results of this joint work with you: in three online transfer workshops, we present the solutions and instruments that were developed and discuss how they can be transferred to other municipalities. Everyone interested is warmly invited to take part.",
  description:
    "Drei Jahre lang haben wir im Modellprojekt KommA – Kommunale Allianzen gegen Rassismus und Hass intensiv daran gearbeitet, Kommunen praxisnah zu unterstützen. In zehn Modellkommunen wurden Best Practices, Instrumente und Strategien entwickelt, mit denen Kommunen Amts- und Mandatspersonen sowie Verwaltungsmitarbeitende wirksam vor Anfeindungen, Rassismus und Diskriminierung schützen und bei Vorfällen unterstützen können.\n\nNun teilen wir die Ergebnisse der gemeinsamen Arbeit mit Ihnen: In zwei digitalen Transferworkshops an drei Terminen – den zweiten Workshop bieten wir zweimal an – stellen wir die erarbeiteten Lösungen und Instrumente vor und diskutieren, wie diese auf andere Kommunen übertragbar sind. Wir laden alle Interessierten herzlich zur Teilnahme ein!",
  benefits: [
    "konkrete Einblicke in erprobte Lösungen und Instrumente",
    "Austausch mit anderen Kommunen und Expert:innen",
    "frei verfügbare Materialien zur direkten Nutzung",
  ],
  contactEmail: "komma@example.org",
  privacyNotice: [
    "Datenschutzhinweise zur Anmeldung für die KommA-Transferworkshops",
    "",
    "Verantwortlich für die Verarbeitung Ihrer Daten ist der Träger des Programms KommA (Kontakt: komma@example.org).",
    "",
    "Wir verarbeiten die Angaben aus dem Anmeldeformular (Name, E-Mail-Adresse, Organisation, Funktion, freiwillige Angaben zu Barrierefreiheit und Ihre Antworten) ausschließlich, um Ihre Teilnahme am gewählten Workshop zu organisieren: Anmeldebestätigung, Zugangsdaten, Terminänderungen und Erinnerungen. Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die Sie jederzeit mit Wirkung für die Zukunft widerrufen können, etwa über den persönlichen Link in Ihrer Bestätigungs-E-Mail.",
    "",
    "Ihre personenbezogenen Daten werden spätestens 180 Tage nach dem Workshop gelöscht bzw. anonymisiert; für die Berichterstattung bleiben nur anonyme Zahlen erhalten. Eine Weitergabe an Dritte findet nicht statt. Unsere Seiten laden keine Inhalte von Drittanbietern und setzen keine Tracking-Cookies.",
    "",
    "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Beschwerde bei einer Datenschutzaufsichtsbehörde.",
  ].join("\n"),
  privacyNoticeEn: [
    "Privacy notice for registering for the KommA transfer workshops",
    "",
    "The controller responsible for processing your data is the organisation running the KommA programme (contact: komma@example.org).",
    "",
    "We process the information from the registration form (name, email address, organisation, role, optional information on accessibility and your answers) solely to organise your participation in the chosen workshop: confirmation of registration, access details, changes of date and reminders. The legal basis is your consent (Art. 6(1)(a) GDPR), which you can withdraw at any time with effect for the future, for example via the personal link in your confirmation email.",
    "",
    "Your personal data will be deleted or anonymised no later than 180 days after the workshop; only anonymous figures are kept for reporting. Your data will not be passed on to third parties. Our pages do not load content from third parties and do not set tracking cookies.",
    "",
    "You have the right of access, rectification, erasure, restriction of processing, data portability and to lodge a complaint with a data protection supervisory authority.",
  ].join("\n"),
};

// The funder report counts its answers (docs/decisions/0030).
const institutionKind: SeedQuestion = { ...institutionKindQuestion };

const expectations: SeedQuestion = {
  type: "LONG_TEXT",
  labelDe: "Welche Fragen oder Erwartungen bringen Sie mit?",
  labelEn: "What questions or expectations do you bring?",
  required: false,
};

export const kommaWorkshops: SeedWorkshop[] = [
  {
    slug: "vielfaltsorientierte-verwaltung",
    title: "Vielfaltsorientierte Verwaltung stärken und Mitarbeitende schützen",
    titleEn: "Strengthening a diversity-oriented administration and protecting staff",
    summaryEn:
      "How municipalities can ask staff about their experiences of discrimination, racism and hate, set up complaint and support procedures, and raise awareness among managers.",
    descriptionEn:
      "In the first online transfer workshop, we present instruments that were developed and tested in the KommA model municipalities for a diversity-oriented administration, and discuss with you how they can be transferred to your municipality. The workshop lasts two hours and takes place online.",
    guidingQuestionsEn: [
      "How can we ask staff specifically about their experiences of discrimination, racism and hate?",
      "How can complaint and support procedures be set up effectively?",
      "How can we raise awareness among managers?",
    ],
    summary:
      "Wie Kommunen Mitarbeitende zu Erfahrungen mit Diskriminierung, Rassismus und Hass befragen, Beschwerde- und Unterstützungsprozesse aufstellen und Führungskräfte sensibilisieren.",
    description:
      "Im ersten digitalen Transferworkshop stellen wir Instrumente vor, die in den KommA-Modellkommunen für eine vielfaltsorientierte Verwaltung entwickelt und erprobt wurden, und diskutieren mit Ihnen, wie sie sich auf Ihre Kommune übertragen lassen. Der Workshop dauert zwei Stunden und findet online statt.",
    guidingQuestions: [
      "Wie können wir Mitarbeitende gezielt zu Erfahrungen mit Diskriminierung, Rassismus und Hass befragen?",
      "Wie lassen sich Beschwerde- und Unterstützungsprozesse sinnvoll aufstellen?",
      "Wie können wir Führungskräfte sensibilisieren?",
    ],
    instruments: [
      "Übergriffsmanagement",
      "Beschwerde- und Unterstützungsprozesse",
      "Diskriminierungssensibles Führen am Beispiel Antirassismus",
      "Stärkung / Vernetzung von Mitarbeitenden mit Rassismuserfahrungen",
      "Antirassistisches Strategiekonzept",
    ],
    originalSessions: [{ date: "2025-09-10", start: "14:00", end: "16:00" }],
    questions: [institutionKind, expectations],
    materialTitle: "Übersicht: KommA-Instrumente für eine vielfaltsorientierte Verwaltung",
    materialTitleEn: "Overview: KommA instruments for a diversity-oriented administration",
  },
  {
    slug: "amts-und-mandatspersonen-schuetzen",
    title: "Amts- und Mandatspersonen bei Anfeindungen schützen und stärken",
    titleEn: "Protecting and supporting officials and elected representatives facing hostility",
    summaryEn:
      "How hostility towards officials and elected representatives can be put on the local agenda, which procedures are needed, and how municipal alliances and strategy groups come about.",
    descriptionEn:
      "This workshop takes place twice with identical content: please choose one of the two dates. We present instruments from the KommA model municipalities with which municipalities support officials and elected representatives facing hostility, and discuss with you how they can be transferred to your municipality. The workshop lasts two hours and takes place online.",
    guidingQuestionsEn: [
      "How can hostility towards officials and elected representatives be put on the agenda locally?",
      "Which procedures does this require?",
      "How can municipal alliances and strategy groups be built?",
      "Which aspects matter in developing strategies and procedures so that officials and elected representatives are well supported?",
    ],
    summary:
      "Wie das Thema Anfeindungen gegen Amts- und Mandatsträger:innen auf die lokale Agenda kommt, welche Prozesse es braucht und wie kommunale Allianzen und Strategiegruppen entstehen.",
    description:
      "Dieser Workshop findet zweimal mit identischem Inhalt statt: Bitte wählen Sie einen der beiden Termine. Wir stellen Instrumente aus den KommA-Modellkommunen vor, mit denen Kommunen Amts- und Mandatspersonen bei Anfeindungen unterstützen, und diskutieren mit Ihnen die Übertragung auf Ihre Kommune. Der Workshop dauert zwei Stunden und findet online statt.",
    guidingQuestions: [
      "Wie kann das Thema Anfeindungen gegen Amts- und Mandatsträger:innen im lokalen Raum auf die Agenda gesetzt werden?",
      "Welche Prozesse braucht es dafür?",
      "Wie können kommunale Allianzen und Strategiegruppen aufgebaut werden?",
      "Welche Aspekte sind in der Strategie- und Prozessentwicklung wichtig, um Amts- und Mandatspersonen gut zu unterstützen?",
    ],
    instruments: [
      "Amts- und Mandatspersonen bei Anfeindungen unterstützen",
      "Anfeindungen von Amts- und Mandatspersonen auf die Agenda setzen",
      "Vertrauliche Allianzen: Strategieentwicklung und abgestimmtes Handeln gegen Rassismus und Hass",
      "Übergriffsmanagement",
      "Mitarbeitenden-Befragung",
    ],
    originalSessions: [
      { date: "2025-09-17", start: "14:00", end: "16:00" },
      { date: "2025-09-24", start: "14:00", end: "16:00" },
    ],
    questions: [
      institutionKind,
      {
        type: "SINGLE_CHOICE",
        labelDe: "Gibt es in Ihrer Kommune bereits eine Allianz oder Strategiegruppe zum Thema?",
        labelEn: "Does your municipality already have an alliance or strategy group on this topic?",
        required: false,
        options: [
          { value: "yes", labelDe: "Ja", labelEn: "Yes" },
          { value: "planned", labelDe: "In Planung", labelEn: "Being planned" },
          { value: "no", labelDe: "Nein", labelEn: "No" },
        ],
      },
      expectations,
    ],
    materialTitle: "Übersicht: KommA-Instrumente zum Schutz von Amts- und Mandatspersonen",
    materialTitleEn: "Overview: KommA instruments for protecting officials and elected representatives",
  },
];

/** The instruments' English titles, by German title. */
export const instrumentTitlesEn: Record<string, string> = {
  Übergriffsmanagement: "Managing assaults",
  "Beschwerde- und Unterstützungsprozesse": "Complaint and support procedures",
  "Diskriminierungssensibles Führen am Beispiel Antirassismus": "Discrimination-sensitive leadership, using anti-racism as an example",
  "Stärkung / Vernetzung von Mitarbeitenden mit Rassismuserfahrungen": "Strengthening and connecting staff with experience of racism",
  "Antirassistisches Strategiekonzept": "Anti-racist strategy concept",
  "Amts- und Mandatspersonen bei Anfeindungen unterstützen": "Supporting officials and elected representatives facing hostility",
  "Anfeindungen von Amts- und Mandatspersonen auf die Agenda setzen": "Putting hostility towards officials and elected representatives on the agenda",
  "Vertrauliche Allianzen: Strategieentwicklung und abgestimmtes Handeln gegen Rassismus und Hass":
    "Confidential alliances: developing strategies and coordinated action against racism and hate",
  "Mitarbeitenden-Befragung": "Staff questionnaire",
};

/** A downloadable overview of a workshop's instruments (stored as a file). */
export function materialText(workshop: SeedWorkshop): string {
  return [
    workshop.materialTitle,
    "",
    `Workshop: ${workshop.title}`,
    "",
    "Leitfragen:",
    ...workshop.guidingQuestions.map((question) => `- ${question}`),
    "",
    "Vorgestellte KommA-Instrumente:",
    ...workshop.instruments.map((instrument) => `- ${instrument}`),
    "",
    kommaProgramme.name,
  ].join("\n");
}
