using System.Net;
using System.Net.Sockets;
using Noress.App.Shared.Uploads;

namespace Noress.Tests.Shared.Uploads;

public sealed class ClamAvClientTests
{
    [Fact]
    public void ParseScanReply_Ok_IsClean()
    {
        Assert.False(ClamAvClient.ParseScanReply("stream: OK").IsInfected);
    }

    [Fact]
    public void ParseScanReply_Found_IsInfectedWithTheSignature()
    {
        var verdict = ClamAvClient.ParseScanReply("stream: Eicar-Test-Signature.UNOFFICIAL FOUND");

        Assert.True(verdict.IsInfected);
        Assert.Equal("Eicar-Test-Signature.UNOFFICIAL", verdict.Signature);
    }

    [Theory]
    [InlineData("INSTREAM size limit exceeded. ERROR")]
    [InlineData("stream: Can't allocate memory ERROR")]
    [InlineData("")]
    public void ParseScanReply_AnythingElse_IsAScannerFailure(string reply)
    {
        Assert.Throws<ClamAvException>(() => ClamAvClient.ParseScanReply(reply));
    }

    [Fact]
    public void ParseAddress_TcpAndUnix()
    {
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 3310), ClamAvClient.ParseAddress("tcp://127.0.0.1:3310"));
        Assert.Equal(new DnsEndPoint("clamd", 3310), ClamAvClient.ParseAddress("tcp://clamd:3310"));
        Assert.Equal("/run/clamav/clamd.ctl", ClamAvClient.ParseAddress("unix:/run/clamav/clamd.ctl").ToString());
        Assert.IsType<UnixDomainSocketEndPoint>(ClamAvClient.ParseAddress("unix:///run/clamav/clamd.ctl"));
    }

    [Theory]
    [InlineData("clamd:3310")]
    [InlineData("http://clamd:3310")]
    [InlineData("tcp://clamd")]
    [InlineData("unix:")]
    public void ParseAddress_Malformed_NamesTheSetting(string address)
    {
        var error = Assert.Throws<FormatException>(() => ClamAvClient.ParseAddress(address));

        Assert.Contains("Uploads:ClamAv", error.Message, StringComparison.Ordinal);
    }
}
