/** How a screen's live link stands; the indicator shows anything but `live`. */
export const ConnectionStatuses = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
  /** The server refused us for good (unknown ceremony, bad origin): retrying will not help. */
  refused: 'refused',
} as const;
export type ConnectionStatus = (typeof ConnectionStatuses)[keyof typeof ConnectionStatuses];
