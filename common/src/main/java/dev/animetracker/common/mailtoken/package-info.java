/** Mailed one-time tokens sealed for their trip through the outbox, Kafka and the mailer. */
@NullMarked
package dev.animetracker.common.mailtoken;

import org.jspecify.annotations.NullMarked;
