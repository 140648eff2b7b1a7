package io.transfermonitor.producers.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.schemas.validation.EventValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgrammaticSourceTest {

  @Test
  void shouldBuildEventsThatPassValidation() {
    assertThat(List.of(ProgrammaticSource.sighting(), ProgrammaticSource.deployment()))
        .allSatisfy(
            e -> assertThat(new EventValidator().check(e, System.currentTimeMillis())).isEmpty());
  }
}
