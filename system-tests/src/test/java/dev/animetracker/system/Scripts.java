package dev.animetracker.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the repository's shell entry points (stack.sh, cluster.sh) the way an operator would. */
final class Scripts {

  private static final Logger log = LoggerFactory.getLogger(Scripts.class);

  private Scripts() {}

  /**
   * Runs {@code bash <script> <arguments>} from the repository root and logs what it printed.
   *
   * @throws IllegalStateException with the script's output when it fails or outlives {@code
   *     timeout}
   */
  static void run(
      Path repository,
      String script,
      Map<String, String> environment,
      Duration timeout,
      String... arguments) {
    List<String> line = new ArrayList<>(List.of("bash", script));
    line.addAll(List.of(arguments));
    String shown = Path.of(script).getFileName() + " " + String.join(" ", arguments);
    ProcessBuilder builder =
        new ProcessBuilder(line).directory(repository.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Path output = Files.createTempFile("script-", ".log");
      builder.redirectOutput(output.toFile());
      Process process = builder.start();
      boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      Files.deleteIfExists(output);
      if (!finished) {
        process.destroyForcibly();
        throw new IllegalStateException(shown + " timed out:\n" + printed);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(shown + " failed:\n" + printed);
      }
      log.info("{}:\n{}", shown, printed);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
