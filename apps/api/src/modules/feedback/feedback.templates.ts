import type { FeedbackInstrument, FeedbackTemplateKey } from '@groeipad/contracts';

// Ready questionnaires a school copies and adapts. Written in Groeipad's own words.

const fourPoint = {
  labels: ['Onvoldoende', 'In ontwikkeling', 'Voldoende', 'Goed'],
  dontKnowLabel: 'Weet niet',
};

const scale = (id: string, text: string) => ({ id, type: 'scale' as const, text });
const open = (id: string, text: string) => ({ id, type: 'open' as const, text });

const werkplekbegeleider: FeedbackInstrument = {
  name: 'Quickscan werkplekbegeleider',
  description:
    'Hoe ervaren studenten, schoolopleiders en collega’s de begeleiding van aanstaande leraren? Veertien korte uitspraken over de rol van werkplekbegeleider en twee open vragen.',
  scale: fourPoint,
  raterGroups: ['self', 'leidinggevende', 'student', 'schoolopleider', 'collega'],
  sections: [
    {
      id: 'ruimte',
      title: 'Ruimte om te leren',
      items: [
        scale(
          'wpb01',
          'Wil studenten laten groeien in nieuwe manieren van lesgeven en betrekt hen bij de vernieuwing van het onderwijs op school.',
        ),
        scale('wpb02', 'Laat de student rustig kijken, dingen uitproberen en zelf iets nieuws bedenken.'),
        scale(
          'wpb03',
          'Geeft de student ruimte om te experimenteren, fouten te maken en een eigen stijl als leraar te vinden.',
        ),
        scale('wpb04', 'Moedigt de student aan om in de klas situaties op te zoeken waar hij of zij veel van leert.'),
        scale(
          'wpb05',
          'Moedigt de student aan om ook buiten de klas, in de hele school, ervaring op te doen die past bij de loopbaan.',
        ),
      ],
    },
    {
      id: 'begeleiding',
      title: 'De begeleiding zelf',
      items: [
        scale('wpb06', 'Past de begeleiding aan op wat de student nodig heeft en hoe ver hij of zij is.'),
        scale('wpb07', 'Staat open voor wat de student meebrengt aan kennis en ideeën, zodat jullie samen leren.'),
        scale('wpb08', 'Helpt de student om theorie uit de opleiding te koppelen aan wat er in de les gebeurt.'),
        scale(
          'wpb09',
          'Geeft feedback die eerlijk en bruikbaar is, ook als die kritisch is, en brengt die met respect.',
        ),
      ],
    },
    {
      id: 'samenwerking',
      title: 'Samenwerking in de opleiding',
      items: [
        scale(
          'wpb10',
          'Werkt actief samen met de schoolopleider, andere werkplekbegeleiders en de opleider van het instituut.',
        ),
        scale(
          'wpb11',
          'Vraagt zelf om feedback op de begeleiding, bijvoorbeeld aan studenten, de schoolopleider of de leidinggevende.',
        ),
      ],
    },
    {
      id: 'ontwikkeling',
      title: 'Eigen ontwikkeling als begeleider',
      items: [
        scale(
          'wpb12',
          'Kijkt kritisch en nieuwsgierig naar de eigen manier van begeleiden en zoekt steeds naar verbetering.',
        ),
        scale('wpb13', 'Kent de eigen sterke kanten als begeleider en houdt die bij.'),
        scale(
          'wpb14',
          'Volgt wat er verandert in het opleiden van leraren en gaat naar bijeenkomsten die daarbij helpen.',
        ),
      ],
    },
    {
      id: 'open',
      title: 'In je eigen woorden',
      items: [
        open('wpb_goed', 'Wat gaat er goed in de begeleiding?'),
        open('wpb_tip', 'Welke tip heb je voor de begeleider?'),
      ],
    },
  ],
};

const docent: FeedbackInstrument = {
  name: 'Feedback op mijn lessen en samenwerking',
  description:
    'Een brede 360°-vragenlijst voor docenten: sfeer in de klas, lesgeven, samenwerken en eigen ontwikkeling.',
  scale: fourPoint,
  raterGroups: ['self', 'leidinggevende', 'leerling', 'collega'],
  sections: [
    {
      id: 'klimaat',
      title: 'Pedagogisch klimaat',
      items: [
        scale('doc01', 'Zorgt voor een veilige sfeer waarin iedereen mee mag doen.'),
        scale('doc02', 'Is duidelijk over afspraken en houdt zich daar zelf ook aan.'),
        scale('doc03', 'Heeft oprecht aandacht voor leerlingen en kent hen.'),
      ],
    },
    {
      id: 'didactiek',
      title: 'Didactiek',
      items: [
        scale('doc04', 'Legt de stof helder uit en checkt of het begrepen is.'),
        scale('doc05', 'Maakt lessen afwisselend en laat leerlingen actief aan de slag gaan.'),
        scale('doc06', 'Houdt rekening met verschillen tussen leerlingen.'),
        scale('doc07', 'Geeft feedback waar leerlingen verder mee kunnen.'),
      ],
    },
    {
      id: 'samenwerking',
      title: 'Samenwerking',
      items: [
        scale('doc08', 'Deelt kennis en materiaal met collega’s.'),
        scale('doc09', 'Komt afspraken in het team na.'),
        scale('doc10', 'Is goed bereikbaar en denkt mee bij vragen.'),
      ],
    },
    {
      id: 'ontwikkeling',
      title: 'Eigen ontwikkeling',
      items: [
        scale('doc11', 'Staat open voor feedback en doet er iets mee.'),
        scale('doc12', 'Probeert nieuwe dingen uit in de les.'),
      ],
    },
    {
      id: 'open',
      title: 'In je eigen woorden',
      items: [open('doc_goed', 'Wat gaat goed?'), open('doc_tip', 'Welke tip wil je meegeven?')],
    },
  ],
};

const oop: FeedbackInstrument = {
  name: 'Feedback voor onderwijsondersteuners',
  description:
    'Voor collega’s in de ondersteuning: hoe ervaren anderen de service, de samenwerking en de betrouwbaarheid?',
  scale: fourPoint,
  raterGroups: ['self', 'leidinggevende', 'collega', 'leerling', 'extern'],
  sections: [
    {
      id: 'service',
      title: 'Service',
      items: [
        scale('oop01', 'Helpt vriendelijk en snel als je met een vraag komt.'),
        scale('oop02', 'Denkt mee en zoekt een oplossing die bij de vraag past.'),
        scale('oop03', 'Laat weten hoe het staat als iets langer duurt.'),
      ],
    },
    {
      id: 'samenwerking',
      title: 'Samenwerking',
      items: [
        scale('oop04', 'Werkt prettig samen met docenten en andere collega’s.'),
        scale('oop05', 'Deelt informatie die anderen nodig hebben op tijd.'),
        scale('oop06', 'Springt bij als het druk is.'),
      ],
    },
    {
      id: 'betrouwbaarheid',
      title: 'Betrouwbaarheid',
      items: [
        scale('oop07', 'Doet wat is afgesproken.'),
        scale('oop08', 'Werkt zorgvuldig en gaat goed om met vertrouwelijke gegevens.'),
      ],
    },
    {
      id: 'ontwikkeling',
      title: 'Ontwikkeling',
      items: [
        scale('oop09', 'Vraagt om feedback en leert ervan.'),
        scale('oop10', 'Komt met ideeën om het werk beter of handiger te maken.'),
      ],
    },
    {
      id: 'open',
      title: 'In je eigen woorden',
      items: [open('oop_goed', 'Wat gaat goed?'), open('oop_tip', 'Welke tip wil je meegeven?')],
    },
  ],
};

/** The ready questionnaires, by key. */
export const FEEDBACK_TEMPLATES: Record<FeedbackTemplateKey, FeedbackInstrument> = { werkplekbegeleider, docent, oop };

/** A questionnaire to start from when a school builds its own. */
export function emptyInstrument(name: string): FeedbackInstrument {
  return {
    name,
    description: '',
    scale: fourPoint,
    raterGroups: ['self', 'leidinggevende', 'collega'],
    sections: [{ id: 'deel1', title: 'Deel 1', items: [] }],
  };
}
