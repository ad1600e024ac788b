package dev.cnnlab.technique;

/**
 * The operations of AutoAugment and RandAugment with torchvision's magnitude tables and argument
 * conventions ({@code torchvision/transforms/autoaugment.py}: {@code _augmentation_space} and
 * {@code _apply_op}); the pixel work is done by {@link ImageOps}.
 *
 * <p>Magnitude of bin {@code k} out of {@code n}, as torchvision's float32 tables (signed ones are
 * negated with probability 1/2 by the policy):
 * <ul>
 *   <li>ShearX/Y: {@code linspace(0, 0.3, n)[k]}, signed; sheared by {@code atan(magnitude)};</li>
 *   <li>TranslateX/Y: {@code linspace(0, 150/331 * side, n)[k]} pixels, signed; {@code int()}
 *       truncates it; the one magnitude that scales with the image (the width for X, the height
 *       for Y), as torchvision's {@code _augmentation_space(n, image_size)};</li>
 *   <li>Rotate: {@code linspace(0, 30, n)[k]} degrees, signed;</li>
 *   <li>Brightness, Color, Contrast, Sharpness: {@code linspace(0, 0.9, n)[k]}, signed; the
 *       enhancement factor is {@code 1 + magnitude}, so 0.1..1.9;</li>
 *   <li>Posterize: {@code 8 - round(k / ((n - 1) / 4))} bits (round half to even), 8..4;</li>
 *   <li>Solarize: threshold {@code linspace(255, 0, n)[k]};</li>
 *   <li>Identity, AutoContrast, Equalize, Invert: no magnitude.</li>
 * </ul>
 * {@code linspace} is computed as PyTorch's CPU kernel does in float32: {@code step = (end -
 * start) / (n - 1)}, element {@code k} is {@code start + step * k} in the first half and {@code end
 * - step * (n - 1 - k)} in the second.
 */
public enum AugmentOp {
    IDENTITY(false),
    SHEAR_X(true),
    SHEAR_Y(true),
    TRANSLATE_X(true),
    TRANSLATE_Y(true),
    ROTATE(true),
    BRIGHTNESS(true),
    COLOR(true),
    CONTRAST(true),
    SHARPNESS(true),
    POSTERIZE(false),
    SOLARIZE(false),
    AUTO_CONTRAST(false),
    EQUALIZE(false),
    INVERT(false);

    private final boolean signed;

    AugmentOp(boolean signed) {
        this.signed = signed;
    }

    /** Whether the policy negates the magnitude with probability 1/2. */
    public boolean signed() {
        return signed;
    }

    /**
     * The unsigned magnitude of bin {@code bin} of {@code bins} for a {@code width x height} image;
     * 0 for operations without one.
     */
    public double magnitude(int bin, int bins, int width, int height) {
        if (bins < 2 || bin < 0 || bin >= bins) {
            throw new IllegalArgumentException("magnitude bin " + bin + " is not in [0, " + bins + ")");
        }
        return switch (this) {
            case SHEAR_X, SHEAR_Y -> linspace(0f, 0.3f, bins, bin);
            case TRANSLATE_X -> linspace(0f, (float) (150.0 / 331.0 * width), bins, bin);
            case TRANSLATE_Y -> linspace(0f, (float) (150.0 / 331.0 * height), bins, bin);
            case ROTATE -> linspace(0f, 30f, bins, bin);
            case BRIGHTNESS, COLOR, CONTRAST, SHARPNESS -> linspace(0f, 0.9f, bins, bin);
            case POSTERIZE -> 8 - (int) Math.rint((float) bin / (float) ((bins - 1) / 4.0));
            case SOLARIZE -> linspace(255f, 0f, bins, bin);
            case IDENTITY, AUTO_CONTRAST, EQUALIZE, INVERT -> 0.0;
        };
    }

    /** torchvision's {@code _apply_op(img, op_name, magnitude)} on a planar RGB image, in place. */
    public void apply(byte[] image, int width, int height, double magnitude) {
        switch (this) {
            case IDENTITY -> {}
            case SHEAR_X -> ImageOps.shearX(image, width, height, magnitude);
            case SHEAR_Y -> ImageOps.shearY(image, width, height, magnitude);
            case TRANSLATE_X -> ImageOps.translateX(image, width, height, (int) magnitude);
            case TRANSLATE_Y -> ImageOps.translateY(image, width, height, (int) magnitude);
            case ROTATE -> ImageOps.rotate(image, width, height, magnitude);
            case BRIGHTNESS -> ImageOps.brightness(image, width, height, 1.0 + magnitude);
            case COLOR -> ImageOps.color(image, width, height, 1.0 + magnitude);
            case CONTRAST -> ImageOps.contrast(image, width, height, 1.0 + magnitude);
            case SHARPNESS -> ImageOps.sharpness(image, width, height, 1.0 + magnitude);
            case POSTERIZE -> ImageOps.posterize(image, width, height, (int) magnitude);
            case SOLARIZE -> ImageOps.solarize(image, width, height, magnitude);
            case AUTO_CONTRAST -> ImageOps.autoContrast(image, width, height);
            case EQUALIZE -> ImageOps.equalize(image, width, height);
            case INVERT -> ImageOps.invert(image, width, height);
        }
    }

    /** Element {@code index} of PyTorch's float32 {@code linspace(start, end, steps)} (CPU kernel). */
    static float linspace(float start, float end, int steps, int index) {
        float step = (end - start) / (steps - 1);
        return index < steps / 2 ? start + step * index : end - step * (steps - index - 1);
    }
}
