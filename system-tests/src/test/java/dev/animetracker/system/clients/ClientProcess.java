package dev.animetracker.system.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running client: its process, the file its output goes to and any log files of its own.
 * Closing it stops the process (politely, then forcibly) together with anything it started.
 */
public final class ClientProcess implements AutoCloseable {

  private static final int TAIL_LINES = 60;

  private final String label;
  private final Process process;
  private final List<Path> logs;

  private ClientProcess(String label, Process process, List<Path> logs) {
    this.label = label;
    this.process = process;
    this.logs = logs;
  }

  /**
   * Starts {@code command} in {@code workDirectory} with stdout and stderr in {@code
   * workDirectory/output.log}. HOME points at the work directory so no client reads or writes a
   * developer's own configuration; a UTF-8 locale makes every client write non-ASCII file names as
   * the torrent spells them.
   *
   * @param extraLogs log files the client writes itself, shown with its output on failure
   */
  static ClientProcess start(
      String label,
      List<String> command,
      Path workDirectory,
      Map<String, String> environment,
      List<Path> extraLogs) {
    Path output = workDirectory.resolve("output.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    builder.environment().put("HOME", workDirectory.toString());
    builder.environment().put("LANG", "C.UTF-8");
    builder.environment().put("LC_ALL", "C.UTF-8");
    builder.environment().putAll(environment);
    try {
      Files.writeString(output, String.join(" ", command) + "\n", StandardCharsets.UTF_8);
      List<Path> logs = new ArrayList<>();
      logs.add(output);
      logs.addAll(extraLogs);
      return new ClientProcess(label, builder.start(), List.copyOf(logs));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start "
              + label
              + " ("
              + command.getFirst()
              + "); .ci/run installs it from Debian (infra/ci/test-prereqs.sh)",
          e);
    }
  }

  public String label() {
    return label;
  }

  /** Fails fast, with the client's output, when the client has exited on its own. */
  public void assertRunning() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          label + " exited with status " + process.exitValue() + "\n" + diagnostics());
    }
  }

  /** The last lines of the client's output and logs. */
  public String diagnostics() {
    StringBuilder text = new StringBuilder();
    for (Path log : logs) {
      text.append("----- ").append(label).append(": ").append(log).append('\n');
      try {
        List<String> lines =
            List.of(
                Files.readString(log, StandardCharsets.UTF_8)
                    // progress lines overwrite each other with carriage returns
                    .replace('\r', '\n')
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toArray(String[]::new));
        lines
            .subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())
            .forEach(line -> text.append(line).append('\n'));
      } catch (IOException e) {
        text.append("(not readable: ").append(e.getMessage()).append(")\n");
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
