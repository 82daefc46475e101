/**
 * Every API path the CLI calls, in one table (NOTES.md: if the live API disagrees with the route
 * page, this is the one place to edit). Ids are encoded here so that no id can reach another route.
 */
const seg = (value: string): string => encodeURIComponent(value);

/** The paths, relative to the base URL (which ends in /video/v2/). */
export const paths = {
  rooms: () => 'rooms',
  room: (roomId: string) => `rooms/${seg(roomId)}`,
  tokens: (roomId: string) => `rooms/${seg(roomId)}/tokens`,
  users: (roomId: string) => `rooms/${seg(roomId)}/users`,
  dialin: () => 'dialin/',
  report: (kind: 'archive' | 'cdr', filter: ReportFilter) => {
    switch (filter.by) {
      case 'conf':
        return `${kind}/conf/${seg(filter.conf)}`;
      case 'room':
        return `${kind}/room/${seg(filter.room)}`;
      case 'period':
        return `${kind}/period/${seg(filter.from)}/${seg(filter.to)}`;
      case 'room-period':
        return `${kind}/room-period/${seg(filter.room)}/${seg(filter.from)}/${seg(filter.to)}`;
    }
  },
};

/** One of the four archive/CDR filters; dates are `YYYY-MM-DD` (UTC). */
export type ReportFilter =
  | { by: 'conf'; conf: string }
  | { by: 'room'; room: string }
  | { by: 'period'; from: string; to: string }
  | { by: 'room-period'; room: string; from: string; to: string };
