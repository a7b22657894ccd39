using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CantinaOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignInFailuresPerWayIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Failures",
                table: "HouseholdAccess");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "HouseholdAccess");

            migrationBuilder.CreateTable(
                name: "SignInFailures",
                columns: table => new
                {
                    Way = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastFailureAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInFailures", x => new { x.Way, x.KeyHash });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignInFailures_LastFailureAt",
                table: "SignInFailures",
                column: "LastFailureAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInFailures");

            migrationBuilder.AddColumn<int>(
                name: "Failures",
                table: "HouseholdAccess",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntil",
                table: "HouseholdAccess",
                type: "INTEGER",
                nullable: true);
        }
    }
}
