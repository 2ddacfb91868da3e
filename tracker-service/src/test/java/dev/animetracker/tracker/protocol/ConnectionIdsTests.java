package dev.animetracker.tracker.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.tracker.support.TestClock;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionIdsTests {

  private static final InetSocketAddress CLIENT = new InetSocketAddress("198.51.100.20", 51413);
  private static final Instant BUCKET_START = Instant.ofEpochSecond(120L * 14_000_000);

  private final TestClock clock = new TestClock(BUCKET_START);
  private final ConnectionIds ids = ConnectionIds.withSecret("test secret", clock);

  @Test
  void anIdIsValidRightAway() {
    assertThat(ids.isValid(ids.issue(CLIENT), CLIENT)).isTrue();
  }

  @Test
  void anIdIssuedAtTheEndOfABucketIsStillValidTwoMinutesLater() {
    clock.advance(Duration.ofSeconds(119).plusMillis(999));
    long id = ids.issue(CLIENT);
    clock.advance(Duration.ofMinutes(2));
    assertThat(ids.isValid(id, CLIENT)).isTrue();
    clock.advance(Duration.ofMillis(1));
    assertThat(ids.isValid(id, CLIENT)).isFalse();
  }

  @Test
  void anIdIssuedAtTheStartOfABucketLivesAlmostFourMinutes() {
    long id = ids.issue(CLIENT);
    clock.advance(Duration.ofMinutes(2));
    assertThat(ids.isValid(id, CLIENT)).isTrue();
    clock.advance(Duration.ofMinutes(2).minusMillis(1));
    assertThat(ids.isValid(id, CLIENT)).isTrue();
    clock.advance(Duration.ofMillis(1));
    assertThat(ids.isValid(id, CLIENT)).isFalse();
  }

  @Test
  void anIdIsNotValidBeforeItWasIssuedNorFarInTheFuture() {
    long id = ids.issue(CLIENT);
    clock.advance(Duration.ofMinutes(-2));
    assertThat(ids.isValid(id, CLIENT)).isFalse();
    clock.advance(Duration.ofMinutes(2 + 2 * 256));
    assertThat(ids.isValid(id, CLIENT)).isFalse();
  }

  @Test
  void anIdIsBoundToTheAddressAndPort() {
    long id = ids.issue(CLIENT);
    assertThat(ids.isValid(id, new InetSocketAddress("198.51.100.21", 51413))).isFalse();
    assertThat(ids.isValid(id, new InetSocketAddress("198.51.100.20", 51414))).isFalse();
    assertThat(ids.isValid(id, new InetSocketAddress("2001:db8::20", 51413))).isFalse();
  }

  @Test
  void anIpv6ClientGetsItsOwnIds() {
    InetSocketAddress v6 = new InetSocketAddress("2001:db8::20", 51413);
    long id = ids.issue(v6);
    assertThat(ids.isValid(id, v6)).isTrue();
    assertThat(ids.isValid(id, new InetSocketAddress("2001:db8::21", 51413))).isFalse();
  }

  @Test
  void anIpv4MappedAddressIsTheSameClientAsItsIpv4Address() throws Exception {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, (byte) 198, 51, 100, 20};
    InetSocketAddress viaDualStack =
        new InetSocketAddress(java.net.InetAddress.getByAddress(mapped), 51413);
    assertThat(ids.isValid(ids.issue(CLIENT), viaDualStack)).isTrue();
  }

  @Test
  void everyTamperedBitIsRejected() {
    long id = ids.issue(CLIENT);
    for (int bit = 0; bit < 64; bit++) {
      assertThat(ids.isValid(id ^ (1L << bit), CLIENT)).as("bit %d", bit).isFalse();
    }
    assertThat(ids.isValid(UdpRequestDecoder.PROTOCOL_ID, CLIENT)).isFalse();
    assertThat(ids.isValid(0, CLIENT)).isFalse();
  }

  @Test
  void instancesSharingTheSecretAcceptEachOthersIds() {
    ConnectionIds other = ConnectionIds.withSecret("test secret", clock);
    ConnectionIds stranger = ConnectionIds.withSecret("another secret", clock);
    ConnectionIds random = ConnectionIds.withRandomKey(clock);
    long id = ids.issue(CLIENT);
    assertThat(other.isValid(id, CLIENT)).isTrue();
    assertThat(stranger.isValid(id, CLIENT)).isFalse();
    assertThat(random.isValid(id, CLIENT)).isFalse();
    assertThat(random.isValid(random.issue(CLIENT), CLIENT)).isTrue();
  }

  @Test
  void idsDifferBetweenClientsAndBuckets() {
    Set<Long> seen = new HashSet<>();
    for (int port = 1; port <= 1000; port++) {
      seen.add(ids.issue(new InetSocketAddress("198.51.100.20", port)));
    }
    clock.advance(Duration.ofMinutes(2));
    seen.add(ids.issue(new InetSocketAddress("198.51.100.20", 1)));
    assertThat(seen).hasSize(1001);
  }

  @Test
  void refusesABlankSecretOrAShortKey() {
    assertThatThrownBy(() -> ConnectionIds.withSecret(" ", clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConnectionIds.withKey(new byte[8], clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sipHashMatchesTheReferenceVectors() {
    // Key 00..0f; messages 00..07 and 00..0f from the SipHash reference implementation.
    ByteBuffer key = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 16; i++) {
      key.put((byte) i);
    }
    long k0 = key.getLong(0);
    long k1 = key.getLong(8);
    assertThat(ConnectionIds.sipHash24(k0, k1, 0, 0, 0, 0, 0)).isEqualTo(0x726fdb47dd0e0e31L);
    long m0 = 0x0706050403020100L;
    long m1 = 0x0f0e0d0c0b0a0908L;
    assertThat(ConnectionIds.sipHash24(k0, k1, m0, 0, 0, 0, 1)).isEqualTo(0x93f5f5799a932462L);
    assertThat(ConnectionIds.sipHash24(k0, k1, m0, m1, 0, 0, 2)).isEqualTo(0x3f2acc7f57c29bdbL);
  }
}
