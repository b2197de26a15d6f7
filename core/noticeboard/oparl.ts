// anslag.json: the notices as open data in the style of OParl 1.1 (Body, Organization, Meeting,
// AgendaItem, File), extended with the posting dates under the vendor prefix "justera:" as OParl
// allows for properties of its own. Ids are the published addresses when the base URL is known,
// else references inside this file ("anslag.json#meeting-…").
import { stockholmOffset } from '../app/anslag/dates';
import type { PlacedNotice } from './pages';
import type { NoticeBoardInput } from './types';

const SCHEMA = 'https://schema.oparl.org/1.1/';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function oparlJson(input: NoticeBoardInput, placed: PlacedNotice[]): string {
  const ref = (fragment: string) => `${input.baseUrl ?? ''}anslag.json#${fragment}`;
  const link = (path: string) => `${input.baseUrl ?? ''}${path}`;
  const bodyId = ref('body');
  const byTime = [...placed].sort((a, b) => cmp(a.notice.meeting.date, b.notice.meeting.date) || cmp(a.notice.board.name, b.notice.board.name) || (firstNumber(a) - firstNumber(b)));

  const organizations = new Map<string, Json>();
  const meetings = new Map<string, { [key: string]: Json }>();
  const agendaItems: Json[] = [];
  const files = new Map<string, Json>();

  for (const p of byTime) {
    const n = p.notice;
    const orgId = ref(`organization-${n.board.id}`);
    const meetingId = ref(`meeting-${n.meeting.id}`);
    if (!organizations.has(n.board.id)) {
      organizations.set(n.board.id, {
        id: orgId,
        type: `${SCHEMA}Organization`,
        body: bodyId,
        name: n.board.name,
        ...(n.board.shortName === undefined ? {} : { shortName: n.board.shortName }),
        organizationType: 'Gremium',
        classification: n.board.kind,
      });
    }
    let meeting = meetings.get(n.meeting.id);
    if (meeting === undefined) {
      const offset = stockholmOffset(n.meeting.date);
      meeting = {
        id: meetingId,
        type: `${SCHEMA}Meeting`,
        name: `${n.board.name}, sammanträde ${n.meeting.date}`,
        meetingState: 'justerat',
        cancelled: false,
        start: `${n.meeting.date}T${n.meeting.startTime}:00${offset}`,
        ...(n.meeting.endTime === undefined ? {} : { end: `${n.meeting.date}T${n.meeting.endTime}:00${offset}` }),
        location: { type: `${SCHEMA}Location`, description: n.meeting.place },
        organization: [orgId],
        agendaItem: [],
        'justera:storagePlace': n.storagePlace,
        'justera:notice': [],
      };
      meetings.set(n.meeting.id, meeting);
    }
    if (n.protocol !== null) {
      const fileId = ref(`file-${n.meeting.id}`);
      meeting.resultsProtocol = fileId;
      files.set(n.meeting.id, {
        id: fileId,
        type: `${SCHEMA}File`,
        name: `${n.board.name}, protokoll ${n.meeting.date} (offentlig version)`,
        fileName: n.protocol.fileName,
        mimeType: 'application/pdf',
        date: n.protocol.createdOn,
        size: n.protocol.size,
        accessUrl: link(`dokument/${n.protocol.fileName}`),
        downloadUrl: link(`dokument/${n.protocol.fileName}`),
        meeting: [meetingId],
        'justera:sha256Checksum': n.protocol.sha256,
        'justera:paragraphs': n.protocol.paragraphs,
      });
    }
    const dates = {
      'justera:adjustedOn': n.adjustedOn,
      'justera:postedOn': n.postedOn,
      'justera:takeDownOn': n.takeDownOn,
      'justera:lastAppealDay': n.lastAppealDay,
      'justera:takenDownOn': n.takenDownOn,
    };
    (meeting['justera:notice'] as Json[]).push({
      id: ref(`notice-${n.id}`),
      'justera:paragraphs': n.paragraphs.map((x) => x.number),
      ...dates,
      'justera:state': p.state === 'up' ? 'uppsatt' : 'nedtaget',
      web: link(p.path),
    });
    n.paragraphs.forEach((x) => {
      const id = ref(`agendaitem-${n.meeting.id}-${x.number}`);
      (meeting.agendaItem as Json[]).push(id);
      agendaItems.push({
        id,
        type: `${SCHEMA}AgendaItem`,
        meeting: meetingId,
        number: String(x.number),
        name: x.title,
        public: x.public,
        ...dates,
        web: link(p.path),
      });
    });
  }

  const doc: Json = {
    'justera:format': 'justera-anslagstavla',
    'justera:formatVersion': 1,
    'justera:today': input.today,
    body: {
      id: bodyId,
      type: `${SCHEMA}Body`,
      name: input.organisation.name,
      website: link('index.html'),
      'justera:noticeBoard': link('index.html'),
      'justera:feed': link('anslag.atom'),
    },
    organization: [...organizations.values()],
    meeting: [...meetings.values()],
    agendaItem: agendaItems,
    file: [...files.values()],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function firstNumber(p: PlacedNotice): number {
  return p.notice.paragraphs[0]?.number ?? 0;
}
