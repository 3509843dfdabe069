// The few parts of nlp.js (https://github.com/axa-group/nlp.js) the console's NLU stand-in uses; the packages
// ship JavaScript only.
declare module '@nlpjs/neural' {
  export type NeuralInput = Record<string, number>;
  export type NeuralJson = { settings: Record<string, unknown>; features?: string[]; intents?: string[]; perceptrons?: number[][] };
  export class NeuralNetwork {
    constructor(settings?: { iterations?: number; errorThresh?: number; deltaErrorThresh?: number; learningRate?: number; momentum?: number; alpha?: number; log?: boolean });
    train(corpus: Array<{ input: NeuralInput; output: Record<string, number> }>): { error: number; iterations: number };
    run(input: NeuralInput): Record<string, number> | undefined;
    toJSON(): NeuralJson;
    fromJSON(json: NeuralJson): void;
  }
}

declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
