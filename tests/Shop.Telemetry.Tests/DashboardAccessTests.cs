using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Shop.Telemetry.Tests;

/// <summary>Without the credential every dashboard route answers 401; Basic authentication with it reads the JSON.</summary>
[Collection(ObservedShopCollection.Name)]
public sealed class DashboardAccessTests(ObservedShop shop)
{
    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/index.html")]
    [InlineData("/dashboard/index.min.js")]
    [InlineData("/dashboard/version")]
    [InlineData("/dashboard/DashboardCounters")]
    [InlineData("/dashboard/ClusterStats")]
    [InlineData("/dashboard/GrainTypes")]
    [InlineData("/dashboard/GrainState?grainId=1&grainType=order")]
    [InlineData("/dashboard/Reminders")]
    [InlineData("/dashboard/Trace")]
    public async Task Anonymous_requests_get_401(string path)
    {
        using var response = await shop.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var wrong = await Send(path, Basic(ObservedShop.Username, "not-the-password"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task A_browser_opening_a_page_is_sent_to_the_login_form()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = shop.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Basic_authentication_with_the_credential_reads_the_cluster_with_both_silos()
    {
        using var response = await Send("/dashboard/DashboardCounters", Basic(ObservedShop.Username, ObservedShop.Password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counters = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, counters.GetProperty("totalActiveHostCount").GetInt32());
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private Task<HttpResponseMessage> Send(string path, AuthenticationHeaderValue authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return shop.Http.SendAsync(request);
    }
}
