package vn.partydev.candidate.domain;

/**
 * Where the candidate lives, for the education exception: {@code DIFFICULT} is a mountain, border, island,
 * ethnic-minority or especially difficult area, or a fisherman working at sea (HD 01-HD/TW 2021, HD 06-HD/TW).
 */
public enum AreaCategory {
    NORMAL, DIFFICULT
}
