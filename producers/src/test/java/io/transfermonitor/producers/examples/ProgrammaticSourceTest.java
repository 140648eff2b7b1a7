package io.transfermonitor.producers.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.producers.validate.EventValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgrammaticSourceTest {

  @Test
  void shouldBuildEventsThatPassValidation() {
    assertThat(List.of(ProgrammaticSource.sighting(), ProgrammaticSource.deployment()))
        .allSatisfy(e -> assertThat(new EventValidator().validate(e)).isEmpty());
  }
}
