package dev.weft.compiler.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tiers of "did you mean" (issue 13, item 6): case, words, shared words, edits; ties named up to three. */
class SuggestionsRankingTest {
    private static final List<String> CIVITAI = List.of(
            "GetBlob",
            "HeadBlob",
            "GetConsumerBlobUploadUrl",
            "UploadConsumerBlob",
            "GetBlobContent",
            "SubmitWorkflow",
            "QueryWorkflows",
            "GetWorkflow",
            "UpdateWorkflow",
            "PatchWorkflow",
            "DeleteWorkflow",
            "GetWorkflowStep",
            "UpdateWorkflowStep");

    @Test
    void theSameNameButForCaseComesFirst() {
        assertEquals(List.of("SubmitWorkflow"), Suggestions.ranked("submitWorkflow", CIVITAI));
        assertEquals(List.of("GetWorkflow"), Suggestions.ranked("getWorkflow", CIVITAI));
        assertEquals(List.of("QueryWorkflows"), Suggestions.ranked("queryWorkflows", CIVITAI));
        // even where another candidate is fewer edits away
        assertEquals(List.of("ABC"), Suggestions.ranked("abc", List.of("abd", "ABC")));
    }

    @Test
    void theSameWordsButForSeparatorsComeNext() {
        assertEquals(List.of("GetWorkflow"), Suggestions.ranked("get_workflow", CIVITAI));
        assertEquals(List.of("get-item"), Suggestions.ranked("getItem", List.of("get-items", "get-item")));
    }

    @Test
    void sharedWordsBeatEditsAndMoreSharedWordsWin() {
        assertEquals(List.of("GetConsumerBlobUploadUrl"), Suggestions.ranked("getBlobUploadUrl", CIVITAI));
        // containment: all the words of the wrong name are in the candidate, far in edits
        assertEquals(List.of("firstBlobUrl"), Suggestions.ranked("blobUrl", List.of("firstBlobUrl", "blobId")));
        // fewer unshared words rank first among those sharing as many
        assertEquals(
                List.of("UpdateWorkflow"),
                Suggestions.ranked("updateWorkflowNow", List.of("UpdateWorkflow", "UpdateWorkflowStep")));
    }

    @Test
    void oneSharedWordOfManyIsNoMatch() {
        // 'get' alone is not enough: 'getItme' is two edits from 'getItem' and shares only a word with 'getUser'
        assertEquals(List.of("getItem"), Suggestions.ranked("getItme", List.of("getItem", "getUser")));
        assertEquals(List.of(), Suggestions.ranked("fooBarUrl", List.of("urlMap", "uriList")));
    }

    @Test
    void editDistanceIsBounded() {
        assertEquals(List.of("read"), Suggestions.ranked("raed", List.of("read", "again")));
        assertEquals(List.of(), Suggestions.ranked("zzzz", List.of("read", "again")));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(2, Suggestions.distance("kitten", "sitting", 1));
        assertEquals(6, Suggestions.distance("a", "abcdefgh", 5));
    }

    @Test
    void tiesAreNamedUpToThreeInAlphabeticalOrder() {
        assertEquals(List.of("getA", "getB"), Suggestions.ranked("getX", List.of("getB", "getA", "other")));
        assertEquals(
                List.of("itemA", "itemB", "itemC"),
                Suggestions.ranked("itemZ", List.of("itemD", "itemC", "itemB", "itemA")));
        assertEquals("; did you mean 'getA' or 'getB'?", Suggestions.hint("getX", List.of("getB", "getA")));
        assertEquals(
                "; did you mean 'itemA', 'itemB' or 'itemC'?",
                Suggestions.hint("itemZ", List.of("itemD", "itemC", "itemB", "itemA")));
        assertEquals("; did you mean 'GetBlob'?", Suggestions.hint("getBlob", CIVITAI));
        assertEquals("", Suggestions.hint("zzzzzz", CIVITAI));
    }

    @Test
    void wordsSplitAtEveryConvention() {
        assertEquals(
                List.of("get", "consumer", "blob", "upload", "url"), Suggestions.words("GetConsumerBlobUploadUrl"));
        assertEquals(List.of("http", "server", "2", "x"), Suggestions.words("HTTPServer2_x"));
        assertEquals(List.of("kebab", "case", "snake", "case"), Suggestions.words("kebab-case.snake_case"));
    }

    @Test
    void closestIsTheFirstOfTheBest() {
        assertEquals(Optional.of("GetBlob"), Suggestions.closest("getblob", CIVITAI));
        assertEquals(Optional.empty(), Suggestions.closest("x", List.of()));
    }

    @Test
    void longInputsAreBounded() {
        String huge = "a".repeat(100_000);
        assertEquals(List.of(), Suggestions.ranked(huge, List.of("b".repeat(100_000), "c")));
    }
}
