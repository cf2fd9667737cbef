import type { Config } from '../../platform/config.ts';
import { formatSchoolMoment } from '../../platform/time.ts';

// The mail to the people registered for a pizzasessie when it moves (another moment or place).

const formatMoment = (at: Date): string => formatSchoolMoment(at);

export type PizzaMovedMail = {
  firstName: string;
  title: string;
  startsAt: Date;
  location: string;
  was: { startsAt: Date; location: string };
};

export function pizzaMovedMail(config: Config, m: PizzaMovedMail): { subject: string; text: string } {
  const lines = [
    `Hoi ${m.firstName},`,
    '',
    `De pizzasessie "${m.title}" waarvoor je bent aangemeld, is gewijzigd.`,
    '',
    `Wanneer: ${formatMoment(m.startsAt)}${m.startsAt.getTime() !== m.was.startsAt.getTime() ? ` (was ${formatMoment(m.was.startsAt)})` : ''}`,
    ...(m.location
      ? [`Waar: ${m.location}${m.location !== m.was.location && m.was.location ? ` (was ${m.was.location})` : ''}`]
      : []),
    '',
    'Je aanmelding blijft staan. Kun je nu niet? Meld je dan af, dan komt je plaats vrij voor een ander:',
    `${config.publicUrl}/team/pizzasessies`,
  ];
  return { subject: `Pizzasessie gewijzigd: ${m.title}`, text: lines.join('\n') };
}
