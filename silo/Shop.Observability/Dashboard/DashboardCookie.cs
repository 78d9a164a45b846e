using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Shop.Observability.Dashboard;

/// <summary>The dashboard's sign-in cookie: scoped to its path, and a 401 instead of a redirect for anything but a page load.</summary>
internal static class DashboardCookie
{
    public static void Configure(CookieAuthenticationOptions cookie, string path)
    {
        cookie.Cookie.Name = "shop.dashboard";
        cookie.Cookie.Path = path;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = path + DashboardLogin.LoginSegment;
        cookie.LogoutPath = path + DashboardLogin.LogoutSegment;
        cookie.Events.OnRedirectToLogin = context =>
        {
            // A browser opening a page goes to the login form; the dashboard's JSON calls and scripts get a plain 401.
            if (IsPageLoad(context.Request)) context.Response.Redirect(context.RedirectUri);
            else context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    private static bool IsPageLoad(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
