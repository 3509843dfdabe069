// Body parts a caregiver may name with pain. Accepted when volunteered, never asked for, used only to offer to leave
// out the steps that move that part today, and stored only with HEALTH_LOG=detailed. The interaction model's BODY_PART slot type is built from this.
export const BODY_PARTS: ReadonlyArray<{ id: string; synonyms: readonly string[]; movedBy: readonly string[] }> = [
  // movedBy: the exercises that move or stretch that part, for "skip the steps that move her knee" after pain.
  // "leg" and "arm" are every exercise of their region on that side (engine/pain-scope.ts).
  { id: 'knee', synonyms: ['knees'], movedBy: ['hip-knee-flexion', 'hip-rotation', 'hamstring-stretch', 'heel-cord-stretch'] },
  { id: 'hip', synonyms: ['hips'], movedBy: ['hip-knee-flexion', 'hip-rotation', 'hip-abduction', 'hamstring-stretch', 'lumbar-rotation'] },
  { id: 'ankle', synonyms: ['ankles'], movedBy: ['ankle-rotation', 'heel-cord-stretch'] },
  { id: 'foot', synonyms: ['feet'], movedBy: ['ankle-rotation', 'toe-flexion-extension', 'heel-cord-stretch'] },
  { id: 'toes', synonyms: ['toe'], movedBy: ['toe-flexion-extension', 'heel-cord-stretch'] },
  { id: 'leg', synonyms: ['legs', 'thigh', 'calf', 'shin'], movedBy: [] },
  { id: 'back', synonyms: ['lower back', 'spine'], movedBy: ['lumbar-rotation', 'hip-knee-flexion'] },
  { id: 'shoulder', synonyms: ['shoulders'], movedBy: ['shoulder-flexion-extension', 'shoulder-rotation', 'horizontal-shoulder-abduction'] },
  { id: 'elbow', synonyms: ['elbows'], movedBy: ['elbow-flexion-extension', 'shoulder-rotation'] },
  { id: 'arm', synonyms: ['arms', 'upper arm', 'forearm'], movedBy: [] },
  { id: 'wrist', synonyms: ['wrists'], movedBy: ['finger-wrist-flexion-extension'] },
  { id: 'hand', synonyms: ['hands'], movedBy: ['finger-wrist-flexion-extension', 'thumb-flexion-extension'] },
  { id: 'fingers', synonyms: ['finger'], movedBy: ['finger-wrist-flexion-extension'] },
  { id: 'thumb', synonyms: ['thumbs'], movedBy: ['thumb-flexion-extension'] },
  { id: 'neck', synonyms: [], movedBy: ['neck-rotation', 'neck-flexion'] },
  { id: 'head', synonyms: [], movedBy: ['neck-rotation', 'neck-flexion'] },
  // No chest: chest pain is an emergency (EmergencyIntent), never a pain report.
];

/** Body parts that mean a whole limb: the rest of that limb's region on that side. */
export const WHOLE_LIMB_PARTS: Readonly<Record<string, 'legs' | 'arms'>> = { leg: 'legs', arm: 'arms' };

export const BODY_PART_IDS: readonly string[] = BODY_PARTS.map((part) => part.id);

/** Pain in any of these is an emergency, however it is said ("her chest is sore"): never an ordinary pain stop. */
export const URGENT_BODY_WORDS = /\b(chest|heart|breath|breathe|breathing|lungs?|throat)\b/i;
