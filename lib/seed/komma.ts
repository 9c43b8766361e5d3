// The programme's first real content, taken from its announcement
// (../shared/seed/komma-transferworkshops-2025.txt). The external survey
// links of the announcement are deliberately absent: our own form replaces them.

export type SeedSession = { date: string; start: string; end: string };

export type SeedQuestion = {
  type: "TEXT" | "LONG_TEXT" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "CHECKBOX";
  labelDe: string;
  labelEn: string;
  required: boolean;
  options?: { value: string; labelDe: string; labelEn: string }[];
};

export type SeedWorkshop = {
  slug: string;
  title: string;
  summary: string;
  description: string;
  guidingQuestions: string[];
  instruments: string[];
  originalSessions: SeedSession[];
  questions: SeedQuestion[];
  materialTitle: string;
};

export const TIME_ZONE = "Europe/Berlin";

export const kommaProgramme = {
  slug: "komma",
  name: "KommA – Kommunale Allianzen gegen Rassismus und Hass",
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
};

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
    questions: [expectations],
    materialTitle: "Übersicht: KommA-Instrumente für eine vielfaltsorientierte Verwaltung",
  },
  {
    slug: "amts-und-mandatspersonen-schuetzen",
    title: "Amts- und Mandatspersonen bei Anfeindungen schützen und stärken",
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
  },
];

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
