using QRCoder;

namespace Noress.App.Accounts.TwoFactor;

/// <summary>Renders a QR code as a PNG data URI (an image, so the content security policy needs no inline script).</summary>
public static class QrCodeImage
{
    public static string PngDataUri(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
