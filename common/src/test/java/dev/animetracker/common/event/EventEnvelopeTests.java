package dev.animetracker.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.event.user.PasswordResetRequested;
import dev.animetracker.common.event.user.UserEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventEnvelopeTests {

  private final JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();

  @Test
  void envelopeCarriesTypeVersionKeyAndPayloadThroughJson() {
    PasswordResetRequested payload =
        new PasswordResetRequested(
            7, "mika", "mika@example.org", "ru", "tok", Instant.parse("2026-11-24T10:00:00Z"));

    String json = mapper.writeValueAsString(EventEnvelope.wrap("7", payload, mapper));
    EventEnvelope read = EventEnvelope.parse(json, mapper);

    assertThat(read.type()).isEqualTo("user.password-reset-requested");
    assertThat(read.version()).isEqualTo(2);
    assertThat(read.key()).isEqualTo("7");
    assertThat(EventRecords.decode(read, UserEvent.class, mapper)).contains(payload);
    assertThat(read.payloadAs(PasswordResetRequested.class, mapper)).isEqualTo(payload);
    assertThat(json).contains("\"resetExpiresAt\":\"2026-11-24T10:00:00Z\"");
  }

  @Test
  void consumersIgnoreFieldsAddedByNewerProducers() {
    String json =
        """
        {"id":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"user.verified","version":1,
         "occurredAt":"2026-11-24T10:00:00Z","key":"3","future":true,
         "payload":{"userId":3,"username":"aki","addedLater":"x"}}
        """;

    EventEnvelope read = EventEnvelope.parse(json, mapper);

    assertThat(read.payloadAs(dev.animetracker.common.event.user.UserVerified.class, mapper))
        .isEqualTo(new dev.animetracker.common.event.user.UserVerified(3, "aki"));
  }

  @Test
  void aClassWithoutEventTypeIsRefused() {
    assertThatThrownBy(() -> EventEnvelope.wrap("1", "not an event", mapper))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
