package io.transfermonitor.cli;

import io.transfermonitor.model.Rule;
import io.transfermonitor.producers.rules.RuleFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The rule set to load: a file the user names, or the default set shipped in the jar (a copy of
 * {@code deploy/config/rules.yaml}: the UN Security Council's limits and bans on the DPRK).
 */
public final class DefaultRules {

  static final String RESOURCE = "/config/rules.yaml";

  private DefaultRules() {}

  /** The rules of {@code file}, or the built-in default set when it is null. */
  public static List<Rule> load(Path file) {
    return file != null ? RuleFile.load(file) : builtIn();
  }

  static List<Rule> builtIn() {
    try (InputStream in = DefaultRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no " + RESOURCE + "; rebuild it");
      }
      return RuleFile.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in rules.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
