import * as z from "zod/mini";

// zod/mini carries no messages of its own: every issue reads "Invalid input". Where people read
// them (the API's 400s, the welfare rules check) they name what is wrong, in English, as zod's
// classic API wrote them. Imported for this effect alone by the modules that turn issues into
// texts (the rules check, the rule examples, the API's HttpError); the LIFF build drops such
// imports from core (liff/vite.config.ts), so phones never download the messages: the app
// shows its own translated texts.
z.config(z.locales.en());
