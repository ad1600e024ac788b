package dev.cnnlab;

/**
 * A problem the user can fix: bad input, missing data, an invalid option or an unwritable path.
 *
 * <p>The command line prints {@link #getMessage()} as one line (no stack trace) and exits with
 * {@link #EXIT_CODE}. The message must say what is wrong and how to fix it.
 */
public class CnnlabException extends RuntimeException {

    /** Exit status for every user-fixable error. */
    public static final int EXIT_CODE = 2;

    private static final long serialVersionUID = 1L;

    public CnnlabException(String message) {
        super(message);
    }

    public CnnlabException(String message, Throwable cause) {
        super(message, cause);
    }
}
