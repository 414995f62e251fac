using Consultancy.Application;
using Consultancy.Infrastructure;
using Consultancy.Infrastructure.Hosting;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddJobs(builder.Configuration);

builder.Services.AddDefaultIdentity<AppUser>(IdentitySetup.Configure)
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<AppDbContext>()
    .AddUserManager<AuditedUserManager>()
    .AddSignInManager<AuditedSignInManager>()
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
builder.Services.AddTransient<Microsoft.AspNetCore.Identity.UI.Services.IEmailSender, IdentityEmailSender>();
builder.Services.AddSettings<ImportOptions>(builder.Configuration, ImportOptions.Section)
    .PostConfigure(o => o.Directory = Path.GetFullPath(o.Directory, builder.Environment.ContentRootPath));
builder.Services.AddSingleton<ImportUploads>();
// Signing out, a password or role change and deactivation end sessions at once (StaffSessions); Identity's own
// check reloads the cookie's claims (name, time zone) every minute.
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.AddStaffSessionValidation();
builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.Cookie.Name = "Consultancy.Auth";
    cookie.Cookie.HttpOnly = true;
    cookie.Cookie.SameSite = SameSiteMode.Lax;
    cookie.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    cookie.LoginPath = "/Identity/Account/Login";
    cookie.AccessDeniedPath = "/Error/403";
});
builder.Services.AddCookieHardening(builder.Environment);

builder.Services.AddAuthorization(o =>
    o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddControllersWithViews(mvc =>
{
    mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
    mvc.Filters.Add<UseCaseExceptionFilter>();
    // Field rules and their messages live in the use cases' validators, not in implicit [Required]s.
    mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
});
builder.Services.AddRazorPages(pages =>
{
    pages.Conventions.ConfigureFilter(new AutoValidateAntiforgeryTokenAttribute());
    pages.Conventions.AddAreaFolderApplicationModelConvention("Identity", "/", page => page.Filters.Add(new SingleLinePageInput()));
    pages.Conventions.AddIdentityRateLimits();
    pages.Conventions.RequirePasswordStepFirst();
    pages.Conventions.AnswerNotFoundOnUnusedIdentityPages();
    pages.Conventions.RequireTwoFactorOnFor2faSettings();
});
builder.Services.AddRateLimits(builder.Configuration);
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddTwoFactorRequirement();

var app = builder.Build();

await DatabaseInitializer.InitializeAsync(app.Services, app.Lifetime.ApplicationStopping);

app.UseTrustedProxyHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseCookiePolicy();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseTwoFactorRequirement();
app.UseAuthorization();

// Stylesheets and scripts are public: the sign-in page needs them before anyone is signed in.
app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks("/health").OpenOnlyPublicRoutes();
app.MapControllerRoute("default", "{controller=Dashboard}/{action=Index}/{id?}").WithStaticAssets();
// Which routes need no sign-in is decided in one place, for every controller and page.
app.MapControllers().OpenOnlyPublicRoutes();
app.MapRazorPages().WithStaticAssets().OpenOnlyPublicRoutes();

app.Run();

public partial class Program;
