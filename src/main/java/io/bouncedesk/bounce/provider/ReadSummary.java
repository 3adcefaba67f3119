package io.bouncedesk.bounce.provider;

/**
 * The outcome of one read.
 *
 * @param events    events delivered to the consumer
 * @param malformed elements (or parts of them) reported as malformed
 * @param skipped   well-formed provider events BounceDesk has no use for (SendGrid processed,
 *                  SES Send, Mailgun accepted, Postmark AutoResponder, ...)
 * @param bytesRead bytes consumed from the input
 * @param cancelled the read stopped because it was cancelled or the thread interrupted
 * @param truncated a JSON syntax error inside an array or multi-line document ended the read early
 */
public record ReadSummary(long events, long malformed, long skipped, long bytesRead,
                          boolean cancelled, boolean truncated) {
}
