import { mailer } from './mailer';
import { templates } from './templates';

export async function sendWelcome(user) {
  try {
    await mailer.send(user.email, templates.welcome(user));
  } catch (error) {}
}
