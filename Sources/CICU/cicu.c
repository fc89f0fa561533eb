// The ICU shim: the only file that includes ICU headers.
#include "cicu.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uregex.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utrans.h>

struct cicu_transliterator {
    UTransliterator *trans;
};

struct cicu_breaker {
    UBreakIterator *it;
};

cicu_breaker *cicu_breaker_open(cicu_break_kind kind) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(kind == CICU_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE, "en", NULL, 0, &status);
    if (U_FAILURE(status)) return NULL;
    cicu_breaker *breaker = malloc(sizeof *breaker);
    if (!breaker) { ubrk_close(it); return NULL; }
    breaker->it = it;
    return breaker;
}

void cicu_breaker_close(cicu_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->it);
    free(breaker);
}

int32_t cicu_breaker_run(cicu_breaker *breaker, const cicu_char16 *text, int32_t length,
                         int32_t *bounds, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = breaker->it;
    ubrk_setText(it, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) {
        if (count < capacity) bounds[count] = b;
        count++;
    }
    return count;
}

cicu_sentence_class cicu_sentence_class_of(int32_t code_point) {
    int32_t value = u_getIntPropertyValue(code_point, UCHAR_SENTENCE_BREAK);
    // The numbering is ICU's own; anything newer counts as Other.
    return value >= 0 && value <= U_SB_SCONTINUE ? (cicu_sentence_class)value : CICU_SB_OTHER;
}

static void copy_error(char *error, int32_t size, const char *message) {
    if (error && size > 0) {
        strncpy(error, message, (size_t)size - 1);
        error[size - 1] = 0;
    }
}

cicu_transliterator *cicu_transliterator_open(const char *id, char *error, int32_t error_size) {
    UErrorCode status = U_ZERO_ERROR;
    UChar uid[512];
    int32_t n = (int32_t)strlen(id);
    if (n >= 511) { copy_error(error, error_size, "transliterator id too long"); return NULL; }
    for (int32_t i = 0; i <= n; i++) uid[i] = (UChar)(unsigned char)id[i];
    UTransliterator *t = utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) { copy_error(error, error_size, u_errorName(status)); return NULL; }
    cicu_transliterator *result = (cicu_transliterator *)malloc(sizeof(cicu_transliterator));
    result->trans = t;
    return result;
}

cicu_transliterator *cicu_transliterator_open_rules(const char *name, const cicu_char16 *rules,
                                                    int32_t rules_length, char *error,
                                                    int32_t error_size) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    UChar uid[128];
    int32_t n = (int32_t)strlen(name);
    if (n >= 127) n = 127;
    for (int32_t i = 0; i < n; i++) uid[i] = (UChar)(unsigned char)name[i];
    UTransliterator *t = utrans_openU(uid, n, UTRANS_FORWARD, (const UChar *)rules, rules_length,
                                      &parse, &status);
    if (U_FAILURE(status)) { copy_error(error, error_size, u_errorName(status)); return NULL; }
    cicu_transliterator *result = (cicu_transliterator *)malloc(sizeof(cicu_transliterator));
    result->trans = t;
    return result;
}

void cicu_transliterator_close(cicu_transliterator *t) {
    if (!t) return;
    utrans_close(t->trans);
    free(t);
}

int32_t cicu_transliterate(const cicu_transliterator *t, cicu_char16 *buffer, int32_t length,
                           int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t text_length = length;
    int32_t limit = length;
    utrans_transUChars(t->trans, (UChar *)buffer, &text_length, capacity, 0, &limit, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return -text_length;
    if (U_FAILURE(status)) return length;
    return text_length;
}

cicu_script cicu_script_of(int32_t code_point) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript(code_point, &status);
    if (U_FAILURE(status)) return CICU_SCRIPT_OTHER;
    switch (code) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED: return CICU_SCRIPT_COMMON;
    case USCRIPT_LATIN: return CICU_SCRIPT_LATIN;
    case USCRIPT_CYRILLIC: return CICU_SCRIPT_CYRILLIC;
    case USCRIPT_GREEK: return CICU_SCRIPT_GREEK;
    default: return CICU_SCRIPT_OTHER;
    }
}

// The spoof checker is opened once and then only read, from any thread.
static USpoofChecker *spoof_checker = NULL;
static pthread_once_t spoof_once = PTHREAD_ONCE_INIT;
static void open_spoof_checker(void) {
    UErrorCode status = U_ZERO_ERROR;
    spoof_checker = uspoof_open(&status);
    if (U_FAILURE(status)) spoof_checker = NULL;
}

int32_t cicu_skeleton(int32_t code_point, cicu_char16 *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    pthread_once(&spoof_once, open_spoof_checker);
    if (!spoof_checker) return -1;
    UChar in[2];
    int32_t n = 0;
    if (code_point > 0xFFFF) {
        in[n++] = (UChar)(0xD7C0 + (code_point >> 10));
        in[n++] = (UChar)(0xDC00 | (code_point & 0x3FF));
    } else {
        in[n++] = (UChar)code_point;
    }
    status = U_ZERO_ERROR;
    int32_t len = uspoof_getSkeleton(spoof_checker, 0, in, n, (UChar *)out, capacity, &status);
    if (U_FAILURE(status)) return -1;
    return len;
}

struct cicu_regex {
    URegularExpression *re;
    /// A matcher holds the text it is set to: one match at a time.
    pthread_mutex_t lock;
};

cicu_regex *cicu_regex_open(const cicu_char16 *pattern, int32_t length, int32_t case_insensitive) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    URegularExpression *re = uregex_open((const UChar *)pattern, length, case_insensitive ? UREGEX_CASE_INSENSITIVE : 0,
                                         &parse, &status);
    if (U_FAILURE(status)) return NULL;
    cicu_regex *regex = malloc(sizeof *regex);
    if (!regex) { uregex_close(re); return NULL; }
    regex->re = re;
    pthread_mutex_init(&regex->lock, NULL);
    return regex;
}

void cicu_regex_close(cicu_regex *regex) {
    if (!regex) return;
    uregex_close(regex->re);
    pthread_mutex_destroy(&regex->lock);
    free(regex);
}

int32_t cicu_regex_matches(cicu_regex *regex, const cicu_char16 *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    // The matcher keeps a pointer to the text, not a copy: it is read only
    // here, and the next match sets it again before reading.
    pthread_mutex_lock(&regex->lock);
    uregex_setText(regex->re, (const UChar *)text, length, &status);
    UBool matched = U_SUCCESS(status) && uregex_matches(regex->re, -1, &status);
    pthread_mutex_unlock(&regex->lock);
    return U_FAILURE(status) ? -1 : matched ? 1 : 0;
}
