// Body parts a caregiver may name with pain. Accepted when volunteered, never asked for, never interpreted,
// and stored only with HEALTH_LOG=detailed. The interaction model's BODY_PART slot type is built from this.
export const BODY_PARTS: ReadonlyArray<{ id: string; synonyms: readonly string[] }> = [
  { id: 'knee', synonyms: ['knees'] },
  { id: 'hip', synonyms: ['hips'] },
  { id: 'ankle', synonyms: ['ankles'] },
  { id: 'foot', synonyms: ['feet'] },
  { id: 'toes', synonyms: ['toe'] },
  { id: 'leg', synonyms: ['legs', 'thigh', 'calf', 'shin'] },
  { id: 'back', synonyms: ['lower back', 'spine'] },
  { id: 'shoulder', synonyms: ['shoulders'] },
  { id: 'elbow', synonyms: ['elbows'] },
  { id: 'arm', synonyms: ['arms', 'upper arm', 'forearm'] },
  { id: 'wrist', synonyms: ['wrists'] },
  { id: 'hand', synonyms: ['hands'] },
  { id: 'fingers', synonyms: ['finger'] },
  { id: 'thumb', synonyms: ['thumbs'] },
  { id: 'neck', synonyms: [] },
  { id: 'head', synonyms: [] },
  // No chest: chest pain is an emergency (EmergencyIntent), never a pain report.
];

export const BODY_PART_IDS: readonly string[] = BODY_PARTS.map((part) => part.id);

/** Pain in any of these is an emergency, however it is said ("her chest is sore"): never an ordinary pain stop. */
export const URGENT_BODY_WORDS = /\b(chest|heart|breath|breathe|breathing|lungs?|throat)\b/i;
