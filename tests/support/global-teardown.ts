type GlobalWithServer = typeof globalThis & { __mspEmbedded?: { stop: () => Promise<void> } };

export default async function globalTeardown(): Promise<void> {
  await (globalThis as GlobalWithServer).__mspEmbedded?.stop();
}
