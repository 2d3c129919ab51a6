package dev.tidings;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * A streaming reader of a record's JSON that gives up rather than guess. The annotation processor
 * generates one ({@code <Record>_Reader}) for a derived schema whose record graph it can read
 * exactly; a hand-written schema gets none.
 *
 * <p>The contract is one-sided, like {@link RecordCheck}'s: {@link #read} returns a record only
 * when the JSON it read holds exactly the values of that record, written the way Jackson writes
 * them (no coercion, no duplicate or unknown property, no missing required one, no {@code null}
 * where the schema allows none). Then the schema's {@link RecordCheck} judges the JSON that was
 * read when it judges the record. Anything else ends the reading with {@link
 * ReaderSupport#notSure()}, and the generic route (a JSON tree, the JSON Schema validator, Jackson's
 * binding) decides and reports.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface RecordReader<T extends Record> {
  /**
   * Reads the object at the parser's current token ({@code START_OBJECT}) and leaves the parser on
   * its {@code END_OBJECT}.
   *
   * @throws ReaderSupport.NotSure when the input is not one this reader judges exactly
   * @throws IOException when the input is not JSON
   */
  T read(JsonParser parser) throws IOException;
}
