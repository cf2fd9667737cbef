// Invented texts for the demo board's reports, reflections and check-ins.

export const REPORT_PHRASES = {
  reflection: [
    'Mijn lessen lopen rustiger sinds ik met vaste startopdrachten werk. Ik wil nu meer variatie in de verwerking.',
    'Ik merk dat ik veel tijd kwijt ben aan nakijken. Ik zou graag leren hoe ik sneller en gerichter feedback geef.',
    'De samenwerking in de sectie is goed. Ik wil meer lessen samen voorbereiden en bij elkaar kijken.',
    'Ik begeleid dit jaar een stagiair en vind het leuk. Ik wil beter worden in het geven van feedback op lessen.',
    'Mijn klas 2 is pittig. Ik zoek manieren om de groep mee te krijgen zonder steeds te corrigeren.',
  ],
  goingWell: [
    'Leerlingen ervaren rust en duidelijkheid in je lessen; collega’s noemen je betrokken en behulpzaam.',
    'Je bereidt je lessen zorgvuldig voor en de resultaten van je klassen zijn stabiel goed.',
    'Je pakt initiatief in de sectie en deelt materiaal met collega’s.',
    'Je contact met ouders is warm en duidelijk; dat wordt gewaardeerd.',
  ],
  toDevelop: [
    'Meer differentiëren in de verwerking, zodat snelle leerlingen uitgedaagd worden.',
    'Feedback geven die leerlingen direct kunnen gebruiken, in plaats van alleen een cijfer.',
    'Grenzen bewaken in je werktijd: niet alles zelf oppakken.',
    'Klassenmanagement bij de start van het lesuur.',
  ],
  needs: [
    'Tijd om twee keer per periode bij een collega te kijken.',
    'Een korte training formatief handelen.',
    'Een vaste middag zonder lessen voor voorbereiding met de sectie.',
    'Een maatje met ervaring in de onderbouw.',
  ],
  offers: [
    'Ik plan de lesbezoeken in het rooster in en kom zelf één keer kijken.',
    'Ik betaal de training uit het scholingsbudget van het team.',
    'Ik zorg dat je taakuren voor de sectie worden vrijgemaakt.',
    'Ik koppel je aan een ervaren collega uit de sectie.',
  ],
  evidence: [
    'Feedback van twee collega’s na een lesbezoek, en een korte leerlingenvragenlijst.',
    'Een 360°-feedbackronde met leerlingen en collega’s voor het volgende gesprek.',
    'Je deelt twee uitgewerkte lessen en vertelt wat je hebt aangepast.',
  ],
  employeeView: [
    'Ik herken me in het verslag. Ik wil wel benadrukken dat de werkdruk in periode 2 hoog is.',
    'Goed gesprek. Ik had graag meer tijd voor de training gehad, maar begrijp de keuze.',
  ],
  checkin: [
    'Eerste lesbezoek gedaan, veel geleerd van de nabespreking.',
    'Nog niet aan toegekomen door de toetsweek; gepland na de vakantie.',
    'Training gevolgd; ik probeer nu exit tickets uit in klas 3.',
    'Loopt goed, leerlingen reageren positief op de nieuwe opzet.',
    'Het lukt nog niet om de tijd vrij te maken. Graag even bespreken.',
  ],
};

export const AGREEMENT_IDEAS: {
  title: string;
  description: string;
  measure: string;
  actions: { title: string; owner: 'employee' | 'manager'; inDays: number }[];
}[] = [
  {
    title: 'Differentiëren in de verwerking',
    description: 'In elke les een verwerkingsopdracht op twee niveaus aanbieden.',
    measure:
      'Bij twee lesbezoeken ziet de collega twee niveaus; leerlingen geven in de enquête minstens een 3 op uitdaging.',
    actions: [
      { title: 'Twee lesbezoeken plannen met een collega', owner: 'employee', inDays: 30 },
      { title: 'Lesbezoeken inroosteren', owner: 'manager', inDays: 14 },
    ],
  },
  {
    title: 'Formatief feedback geven',
    description: 'Leerlingen krijgen feedback waarmee ze de volgende les verder kunnen.',
    measure: 'Minstens drie keer per periode een formatieve werkvorm; leerlingen herkennen dat in de feedbackronde.',
    actions: [
      { title: 'Training formatief handelen volgen', owner: 'employee', inDays: 60 },
      { title: 'Training aanvragen en betalen', owner: 'manager', inDays: 21 },
    ],
  },
  {
    title: 'Rustige start van de les',
    description: 'Een vaste opening met startopdracht op het bord.',
    measure: 'Bij een lesbezoek is de klas binnen vijf minuten aan het werk.',
    actions: [{ title: 'Startopdrachten voor een periode voorbereiden', owner: 'employee', inDays: 20 }],
  },
  {
    title: 'Stagiair goed begeleiden',
    description: 'Wekelijks een kort begeleidingsgesprek met de stagiair, met feedback op een les.',
    measure: 'De stagiair geeft in de quickscan minstens "voldoende" op feedback en ruimte om te proberen.',
    actions: [
      { title: 'Vast moment in het rooster voor begeleiding', owner: 'manager', inDays: 14 },
      { title: 'Bijeenkomst werkplekbegeleiders bijwonen', owner: 'employee', inDays: 45 },
    ],
  },
  {
    title: 'Werkdruk beter verdelen',
    description: 'Taken in de sectie eerlijker verdelen en nee leren zeggen tegen extra klussen.',
    measure: 'Bij het volgende gesprek zijn er niet meer dan twee extra taken naast de lessen.',
    actions: [{ title: 'Takenlijst van de sectie bespreken', owner: 'manager', inDays: 30 }],
  },
];
