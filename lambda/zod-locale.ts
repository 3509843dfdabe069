// zod/mini registers no locale, so every issue message would read "Invalid input"; classic zod registered
// English on first use. Imported by the modules whose issue messages reach a person: the config error, plan
// problems and catalog problems. English alone is imported by name: `z.locales` would bundle all 40-odd.
import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';

if (z.config().localeError === undefined) z.config(en());
