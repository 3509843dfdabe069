// The interaction model's type and the manifest (skill-package/skill.json) checked against Alexa's own types in
// ask-smapi-model, at `npm run typecheck`: a field Alexa does not know fails the type check, with its path, beside
// the rule checks of models:check (interactionModels/check-model.ts). Nothing here runs.
import type { v1 } from 'ask-smapi-model';
import type manifestFile from '../skill-package/skill.json';
import type { InteractionModel } from './model-types';

type Join<P extends string, K> = P extends '' ? `${K & string}` : `${P}.${K & string}`;

/**
 * The paths of the fields in T that Alexa's type A does not have, at any depth; never when there are none.
 * Arrays are checked element by element ("intents[].name"), records by their value type.
 */
export type UnknownFields<T, A, P extends string = ''> = T extends readonly (infer E)[]
  ? A extends readonly (infer AE)[]
    ? UnknownFields<E, AE, `${P}[]`>
    : never
  : T extends object
    ? { [K in keyof T]-?: K extends keyof A ? UnknownFields<T[K], NonNullable<A[K]>, Join<P, K>> : Join<P, K> }[keyof T]
    : never;

/** Compiles only when U is never; otherwise the error names the unknown fields. */
type NoneOf<U> = [U] extends [never] ? true : { unknownToAlexa: U };
const accepted = <U>(check: NoneOf<U>): NoneOf<U> => check;

type Alexa = v1.skill.interactionModel.InteractionModelSchema;
type AlexaModel = v1.skill.interactionModel.InteractionModelData;
type AlexaManifest = v1.skill.Manifest.SkillManifestEnvelope;

/** ask-smapi-model marks a slot value's synonyms required; Alexa accepts a value without them, as some of ours are. */
type SlotValue = Omit<v1.skill.interactionModel.TypeValue, 'name'> & { name: Omit<v1.skill.interactionModel.TypeValueObject, 'synonyms'> & { synonyms?: string[] } };
type SlotType = Omit<v1.skill.interactionModel.SlotType, 'values'> & { values?: SlotValue[] };
type AcceptedModel = Omit<AlexaModel, 'interactionModel'> & {
  interactionModel: Omit<Alexa, 'languageModel'> & { languageModel: Omit<v1.skill.interactionModel.LanguageModel, 'types'> & { types?: SlotType[] } };
};

/** What build-model.ts produces (the type of every generated model): no field Alexa does not know... */
export const modelFieldsKnown = accepted<UnknownFields<InteractionModel, AlexaModel>>(true);
/** ...and each field of the type Alexa gives it. */
export const modelMatchesAlexa: InteractionModel extends AcceptedModel ? true : false = true;
/** The committed manifest: no field Alexa does not know. */
export const manifestFieldsKnown = accepted<UnknownFields<typeof manifestFile, AlexaManifest>>(true);

// The check itself, on a model with a field Alexa does not know: the line below must fail to compile.
type WithUnknownField = { interactionModel: { languageModel: { invocationName: string; intents: Array<{ name: string; sample: string[] }> } } };
// @ts-expect-error intents[].sample is not Alexa's (samples is)
export const unknownFieldRefused = accepted<UnknownFields<WithUnknownField, AlexaModel>>(true);
