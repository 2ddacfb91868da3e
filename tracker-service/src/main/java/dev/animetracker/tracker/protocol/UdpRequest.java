package dev.animetracker.tracker.protocol;

/** A decoded BEP 15 packet; every variant has a transaction id to answer with. */
public sealed interface UdpRequest {

  int transactionId();

  /** Action 0 with the protocol magic: asks for a connection id. */
  record Connect(int transactionId) implements UdpRequest {}

  /** Action 1 with a valid connection id. */
  record Announce(int transactionId, AnnounceRequest request) implements UdpRequest {}

  /** Action 2 with a valid connection id. */
  record Scrape(int transactionId, ScrapeRequest request) implements UdpRequest {}

  /** Anything else with a readable transaction id: answered with an error packet. */
  record Invalid(int transactionId, String reason) implements UdpRequest {}
}
