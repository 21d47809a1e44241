namespace Noress.IntegrationTests.Infrastructure;

/// <summary>Posts a statically rendered Blazor form the way a browser does: antiforgery token and form name included.</summary>
public static class StaticForms
{
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, string formName, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var content = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = AuthenticatedClient.AntiforgeryToken(page),
            ["_handler"] = formName,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(content));
    }
}
