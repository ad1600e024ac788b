package dev.cnnlab.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cnnlab.util.Json;
import org.junit.jupiter.api.Test;

/** The transfer results export to JSON as plain fields, for analysis.json. */
class TransferJsonTest {

    @Test
    void fitValidationAndRefusalWriteAsPlainFields() throws Exception {
        TransferFit fit = TransferFit.estimate(TransferFitFixtureTest.points(), "P", "T");
        TransferValidation validation = TransferValidation.of(TransferValidationTest.points(), "P", "T");
        TransferOutcome refusal =
                TransferModel.of(TransferFitFixtureTest.points().subList(0, 5), "P", "T");

        JsonNode fitJson = Json.MAPPER.readTree(Json.write(fit));
        JsonNode validationJson = Json.MAPPER.readTree(Json.write(validation));
        JsonNode refusalJson = Json.MAPPER.readTree(Json.write(refusal));
        JsonNode predictionJson = Json.MAPPER.readTree(Json.write(fit.predict(2, 0.5)));

        assertThat(fitJson.get("slope").asDouble()).isEqualTo(fit.slope());
        assertThat(fitJson.get("tau2").asDouble()).isEqualTo(fit.tau2());
        assertThat(predictionJson.get("trueLow").asDouble())
                .isEqualTo(fit.predict(2, 0.5).trueLow());
        JsonNode se = validationJson
                .get("folds")
                .get(validation.folds().indexOf(TransferValidationTest.foldOf(validation, "se")));
        assertThat(se.get("dropped").toString()).isEqualTo("[\"se\",\"se+mixup\"]");
        assertThat(se.get("predictions")
                        .get(0)
                        .get("guesses")
                        .get("EIV")
                        .get("point")
                        .isNumber())
                .isTrue();
        assertThat(validationJson.get("scores").get(0).get("predictor").asText())
                .isEqualTo("EIV");
        assertThat(refusalJson.get("reason").asText()).isEqualTo("TOO_FEW_SETS");
        assertThat(refusalJson.get("needed").asInt()).isEqualTo(3);
        // an assumed noise level has infinite df, written as GainEstimate's df is ("Infinity"); nothing is NaN
        assertThat(fitJson.get("noiseDf").asText()).isEqualTo("Infinity");
        assertThat(Json.write(validation) + Json.write(fit)).doesNotContain("NaN");
    }
}
