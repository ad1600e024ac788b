package dev.cnnlab.report.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV form of {@code report --table}: RFC 4180 quoting, and errors that name the file's line. */
class ResultTableReaderTest {

    @Test
    void quotedHeadersAndQuotedValuesWithCommasRead(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("quoted.csv");
        Files.writeString(
                csv,
                "# another tool's runs\n" + "\n"
                        + "\"fidelity\", \"set\" ,\"seed\",\"top1\",\"cost\"\n"
                        + "\"ResNet-29, 2 epochs\",baseline,0,60,10\n"
                        + "\"ResNet-29, 2 epochs\",\"se,mixup\",0,61.5,10\n"
                        + "big,baseline,0,70,100\n"
                        + "big,\"se,mixup\",0,\"72.25\",100\n"
                        + "big,\"say \"\"hi\"\"\",0,71,100\n");
        Evidence evidence = ResultTableReader.read(csv).evidence();
        assertThat(evidence.fidelityNames()).containsExactly("ResNet-29, 2 epochs", "big");
        assertThat(evidence.sets()).containsExactly("baseline", "se,mixup", "say \"hi\"");
        assertThat(evidence.baseline()).isEqualTo("baseline");
        assertThat(evidence.target()).isEqualTo("big");
        assertThat(evidence.cell("ResNet-29, 2 epochs", "se,mixup"))
                .singleElement()
                .satisfies(o -> assertThat(o.top1()).isEqualTo(61.5));
        assertThat(evidence.cell("big", "se,mixup"))
                .singleElement()
                .satisfies(o -> assertThat(o.top1()).isEqualTo(72.25));
    }

    @Test
    void errorsNameTheLineOfTheFileCountingBlankAndCommentLines(@TempDir Path dir) throws IOException {
        Path badValue = dir.resolve("bad.csv");
        // line 1 header, 2 blank, 3 comment, 4 a run, 5 spaces only, 6 the bad value
        Files.writeString(badValue, "fidelity,set,seed,top1\n\n# a comment\nx,baseline,0,60\n   \nx,se,0,high\n");
        assertThatThrownBy(() -> ResultTableReader.read(badValue))
                .isInstanceOf(CnnlabException.class)
                .hasMessage(badValue + " line 6: not a number (For input string: \"high\")");
        Path missingValue = dir.resolve("short.csv");
        Files.writeString(missingValue, "# runs\r\n\r\nfidelity,set,top1\r\nx,baseline,60\r\nx,se\r\n");
        assertThatThrownBy(() -> ResultTableReader.read(missingValue))
                .hasMessage(missingValue + " line 5: 2 values, but the header has 3 columns");
        Path lateHeader = dir.resolve("header.csv");
        Files.writeString(lateHeader, "# runs\n\nfidelity,set,seed\nx,baseline,0\n");
        assertThatThrownBy(() -> ResultTableReader.read(lateHeader))
                .hasMessage(
                        lateHeader
                                + " line 3: the header lacks the column 'top1' (columns: fidelity,set,seed,top1[,cost][,axis,size])");
        Path afterQuotedBreak = dir.resolve("multiline.csv");
        Files.writeString(afterQuotedBreak, "fidelity,set,top1\n\"x\ny\",baseline,60\nx,se,high\n");
        assertThatThrownBy(() -> ResultTableReader.read(afterQuotedBreak))
                .hasMessageStartingWith(afterQuotedBreak + " line 4: not a number");
        Path unterminated = dir.resolve("open.csv");
        Files.writeString(unterminated, "fidelity,set,top1\nx,\"se,60\n");
        assertThatThrownBy(() -> ResultTableReader.read(unterminated))
                .isInstanceOf(CnnlabException.class)
                .hasMessageStartingWith(unterminated + ": not valid CSV: ")
                .hasMessageNotContaining("\n");
        Path onlyComments = dir.resolve("empty.csv");
        Files.writeString(onlyComments, "# nothing yet\n\n");
        assertThatThrownBy(() -> ResultTableReader.read(onlyComments))
                .hasMessageStartingWith(onlyComments + " is empty");
    }
}
