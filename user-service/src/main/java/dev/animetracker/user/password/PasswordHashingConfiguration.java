package dev.animetracker.user.password;

import dev.animetracker.user.UsersProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The one password encoder: Argon2id at the configured cost, bounded in concurrency. */
@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PasswordHashingConfiguration.class);

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  @Bean
  BoundedPasswordEncoder passwordEncoder(UsersProperties properties, MeterRegistry meters) {
    UsersProperties.PasswordHashing hashing = properties.passwordHashing();
    // Existing hashes keep verifying: the encoder reads memory, iterations and lanes from the hash.
    PasswordEncoder argon2 =
        new Argon2PasswordEncoder(
            SALT_BYTES,
            HASH_BYTES,
            hashing.parallelism(),
            hashing.memoryKib(),
            hashing.iterations());
    int permits = permits(hashing, Runtime.getRuntime().maxMemory());
    log.info(
        "Argon2id m={} KiB t={} p={}; at most {} concurrent hashes",
        hashing.memoryKib(),
        hashing.iterations(),
        hashing.parallelism(),
        permits);
    BoundedPasswordEncoder encoder =
        new BoundedPasswordEncoder(argon2, permits, hashing.acquireTimeout(), hashing.retryAfter());
    Gauge.builder("animetracker.password.hashing.in.use", encoder, BoundedPasswordEncoder::inUse)
        .description("Argon2 hashes running now")
        .register(meters);
    FunctionCounter.builder(
            "animetracker.password.hashing.refused", encoder, BoundedPasswordEncoder::refused)
        .description("Requests refused with 503 because every hashing slot stayed busy")
        .register(meters);
    return encoder;
  }

  /** {@code min(maxConcurrent, heapShare * maxHeap / memory per hash)}, at least one. */
  static int permits(UsersProperties.PasswordHashing hashing, long maxHeapBytes) {
    long perHash = hashing.memoryKib() * 1024L;
    long byMemory = (long) (maxHeapBytes * hashing.heapShare()) / perHash;
    return (int) Math.max(1, Math.min(hashing.maxConcurrent(), byMemory));
  }
}
