package dev.weft.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Goessner JSONPath becomes the RFC 9535 query that keeps its meaning, or nothing. */
class GoessnerJsonPathTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "$.store.book[*].author                 | $.store.book[*].author",
                "$..book[?(@.price < 10)]               | $..book[?(@.price < 10)]",
                "$..book[(@.length-1)]                  | $..book[-1]",
                "$..book[ ( @.length - 2 ) ]            | $..book[-2]",
                "$.items[?(@.status === 'done')]        | $.items[?(@.status == 'done')]",
                "$.items[?(@.status !== 'done')]        | $.items[?(@.status != 'done')]",
                "$.items[?(@.note == 'a === b')]        | $.items[?(@.note == 'a === b')]",
                "$['store']['book'][0:2]                | $['store']['book'][0:2]",
            })
    void translatesWhatKeepsItsMeaning(String goessner, String rfc) {
        assertEquals(Optional.of(rfc), GoessnerJsonPath.toRfc9535(goessner));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.items[(@.length/2)]", "$..book[(@.length-0)]", "$.a[?(@.b =~ /x/)]", "$.a['b"})
    void refusesScriptAndBrokenQueries(String goessner) {
        assertEquals(Optional.empty(), GoessnerJsonPath.toRfc9535(goessner));
    }
}
