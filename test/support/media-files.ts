/** The start of an M4A file, as LINE's app records voice messages: enough for the magic-byte check. */
export const M4A_START = Buffer.concat([
  Buffer.from([0, 0, 0, 0x20]),
  Buffer.from("ftypM4A ", "latin1"),
  Buffer.alloc(24),
]);
