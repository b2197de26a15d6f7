// Drafts the reference meeting (Norrbottens e-nämnd 2020-11-05) through the workspace API, the
// way the UI does it step by step. Shared by the integration tests and the benchmark.
import type { ApiClient } from '../../core/api/client';
import { meetingDocumentSchema, type MeetingDocument } from '../../core/format/meeting';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };

export const referenceDoc: MeetingDocument = meetingDocumentSchema.parse(reference);

export interface Drafted {
  organisationId: string;
  boardId: string;
  meetingId: string;
  personIds: Map<string, string>;
  paragraphIds: Map<number, string>;
}

export async function draftReference(api: ApiClient, options: { withText?: boolean } = {}): Promise<Drafted> {
  const doc = referenceDoc;
  const name = (key: string) => doc.people.find((p) => p.key === key)?.name ?? key;
  const { organisationId } = await api.call('workspace.organisations.create', {
    name: doc.organisation.name,
    kind: doc.organisation.kind,
    headerName: doc.organisation.headerName ?? '',
  });
  const { boardId } = await api.call('workspace.boards.create', {
    organisationId,
    name: doc.board.name,
    shortName: doc.board.shortName ?? '',
    kind: doc.board.kind,
    seats: doc.board.seats,
    storagePlace: doc.board.storagePlace,
  });
  const personIds = new Map<string, string>();
  for (const m of doc.members) {
    const r = await api.call('workspace.members.add', {
      boardId,
      name: name(m.person),
      role: m.role,
      party: m.party ?? '',
      represents: m.represents ?? '',
      termStart: m.termStart,
      termEnd: m.termEnd,
      substituteOrder: m.substituteOrder ?? null,
      substituteForPersonId: m.substituteFor === undefined ? null : (personIds.get(m.substituteFor) ?? null),
    });
    personIds.set(m.person, r.personId);
  }
  for (const o of doc.officials) {
    const r = await api.call('workspace.officials.add', { boardId, name: name(o.person), title: o.title ?? '', organisation: o.organisation ?? '' });
    personIds.set(o.person, r.personId);
  }
  const id = (key: string): string => {
    const v = personIds.get(key);
    if (v === undefined) throw new Error(`no person ${key}`);
    return v;
  };
  const first = doc.paragraphs[0]?.number ?? 1;
  const { meetingId } = await api.call('workspace.meetings.create', {
    boardId,
    date: doc.meeting.date,
    startTime: doc.meeting.startTime,
    endTime: doc.meeting.endTime ?? '',
    place: doc.meeting.place,
    secretaryId: id(doc.meeting.secretary),
    chairId: id(doc.meeting.chair),
    firstNumber: first,
  });
  const paragraphIds = new Map<number, string>();
  for (const p of doc.paragraphs) {
    const r = await api.call('workspace.agenda.add', { meetingId, title: p.title, caseNumber: p.caseNumber ?? '' });
    paragraphIds.set(r.number, r.paragraphId);
  }
  await api.call('workspace.attendance.set', {
    meetingId,
    rows: doc.attendance.map((a) => ({
      personId: id(a.person),
      capacity: a.capacity,
      replacesPersonId: a.replaces === undefined ? null : id(a.replaces),
      fromParagraph: a.fromParagraph ?? null,
      toParagraph: a.toParagraph ?? null,
      note: a.note ?? null,
    })),
  });
  await api.call('workspace.meetings.update', {
    meetingId,
    patch: {
      status: doc.meeting.status === 'adjusted' ? 'held' : doc.meeting.status,
      justerare: doc.meeting.justerare.map(id),
      adjustmentTimePlace: doc.meeting.adjustmentTimePlace ?? null,
      digitalSignatures: doc.meeting.digitalSignatures,
      noticeSignatoryId: doc.meeting.noticeSignatory === undefined ? null : id(doc.meeting.noticeSignatory),
    },
  });
  if (options.withText !== false) {
    for (const p of doc.paragraphs) {
      const paragraphId = paragraphIds.get(p.number) as string;
      await api.call('workspace.paragraphs.update', {
        paragraphId,
        patch: {
          decision: p.decision ?? null,
          summary: p.summary ?? null,
          description: p.description ?? null,
          body: p.body ?? null,
          decisionDocuments: p.decisionDocuments,
          distribution: p.distribution,
          immediatelyAdjusted: p.immediatelyAdjusted,
        },
      });
      for (const a of p.attachments) {
        if (a.kind === 'document') await api.call('workspace.attachments.addDocument', { paragraphId, title: a.title, sections: a.sections });
      }
    }
  }
  return { organisationId, boardId, meetingId, personIds, paragraphIds };
}
