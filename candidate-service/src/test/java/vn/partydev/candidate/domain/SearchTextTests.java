package vn.partydev.candidate.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A name is found without its diacritics, whatever the spacing and case a user types. */
class SearchTextTests {

    @Test
    void aVietnameseNameFoldsToPlainLowerCaseWithSingleSpaces() {
        assertEquals("nguyen thi hong dao", SearchText.fold("  Nguyễn   Thị Hồng\tĐào "));
        assertEquals("tran van duc", SearchText.fold("TRẦN VĂN ĐỨC"));
    }

    @Test
    void decomposedAndComposedFormsFoldAlike() {
        String composed = "Lê Thị Ánh";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        assertEquals(SearchText.fold(composed), SearchText.fold(decomposed));
        assertEquals("le thi anh", SearchText.fold(decomposed));
    }

    @Test
    void nothingFoldsToNothing() {
        assertNull(SearchText.fold(null));
        assertEquals("", SearchText.fold("   "));
    }
}
