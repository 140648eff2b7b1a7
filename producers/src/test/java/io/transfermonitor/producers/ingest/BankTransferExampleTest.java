package io.transfermonitor.producers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Bank;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.PartyRole;
import io.transfermonitor.producers.CapturingSink;
import io.transfermonitor.schemas.validation.EventValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bank-transfer example of docs/adding-a-source.md: lists filled from columns. */
class BankTransferExampleTest {

  private static final Path DIR = Path.of("examples", "bank-transfers");

  @Test
  void shouldFillTheBanksAndPartiesOfEveryPaymentFromItsColumns() throws IOException {
    // when
    List<FinancialTransfer> payments = ingest();

    // then
    assertThat(payments).hasSize(3);
    FinancialTransfer first = payments.get(0);
    assertThat(first.getHeader().getEventId()).isEqualTo("bank-transfers/EX-0001");
    assertThat(first.getSenderBank().getName()).isEqualTo("Mezhdunarodnyi Raschetnyi Bank (MRB)");
    assertThat(first.getReceiverBank().getName()).isEqualTo("FOREIGN TRADE BANK (FTB)");
    assertThat(first.getIntermediaryBanks()).isEmpty();
    assertThat(first.getHeader().getParties())
        .extracting(Party::getRole, Party::getName)
        .containsExactly(
            tuple(PartyRole.PAYER, "Example Logistics LLC"),
            tuple(PartyRole.PAYEE, "Korea Kwangson Banking Corp."));
    assertThat(payments.get(1).getSenderBank().getBic()).isEqualTo("EXSBRU2M");
  }

  @Test
  void shouldLeaveOutAListItemWhoseColumnsAreEmpty() throws IOException {
    // when: the third payment names an intermediary bank but no beneficiary
    FinancialTransfer third = ingest().get(2);

    // then
    assertThat(third.getIntermediaryBanks())
        .extracting(Bank::getName)
        .containsExactly("Daedong Credit Bank");
    assertThat(third.getHeader().getParties())
        .extracting(Party::getRole)
        .containsExactly(PartyRole.PAYER);
  }

  @Test
  void shouldRefuseAnIndexOnAFieldThatIsNotAList() {
    // given
    String yaml =
        """
        source: s
        type: financial-transfer
        id: { column: id }
        fields:
          senderBank[0].name: { column: bank }
        """;

    // then
    assertThatThrownBy(() -> Mapping.parse(yaml, "m.yaml").bind(List.of("id", "bank")))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "mapping m.yaml: fields.senderBank[0].name: 'senderBank' is not a list, it takes no"
                + " [index]");
  }

  private static List<FinancialTransfer> ingest() throws IOException {
    CapturingSink sink = new CapturingSink();
    IngestResult result =
        new Ingest(
                sink,
                Mapping.load(DIR.resolve("mapping.yaml")),
                null,
                false,
                false,
                IngestProgress.silent(),
                new EventValidator())
            .run(List.of(IngestInput.file(DIR.resolve("transfers.csv"), null)));
    assertThat(result.rejected()).isZero();
    return sink.sent.stream().map(FinancialTransfer.class::cast).toList();
  }
}
