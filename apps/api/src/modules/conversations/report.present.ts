import type { ConversationReport } from '@groeipad/contracts';
import type { ReportRow } from './conversations.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentReport(r: ReportRow): ConversationReport {
  return {
    id: r.id,
    revision: r.revision,
    supersedesId: r.supersedesId,
    correctionReason: r.correctionReason,
    goingWell: r.goingWell,
    toDevelop: r.toDevelop,
    employeeNeeds: r.employeeNeeds,
    managerOffers: r.managerOffers,
    progressEvidence: r.progressEvidence,
    nextDate: r.nextDate,
    agreements: r.agreements,
    employeeView: r.employeeView,
    employeeDisagrees: r.employeeDisagrees,
    employeeSignedAt: iso(r.employeeSignedAt),
    managerSignedAt: iso(r.managerSignedAt),
    lockedAt: iso(r.lockedAt),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
