package app.kariz.activity.web;

import app.kariz.activity.command.ActivityDetails;

/**
 * What completing answers: the done activity, the next one if it was scheduled in the same call, and whether the
 * deal still has an open activity after both, so a client can prompt for the next step when it has none.
 */
record CompletionResponse(ActivityDetails activity, ActivityDetails next, boolean dealHasOpenActivity) {
}
