using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CantinaOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImpactFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PeopleServed",
                table: "Bookings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DemandRefusals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SpaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandRefusals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandRefusals_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DemandRefusals_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DemandRefusals_Day_SpaceId",
                table: "DemandRefusals",
                columns: new[] { "Day", "SpaceId" });

            migrationBuilder.CreateIndex(
                name: "IX_DemandRefusals_HouseholdId",
                table: "DemandRefusals",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandRefusals_SpaceId",
                table: "DemandRefusals",
                column: "SpaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DemandRefusals");

            migrationBuilder.DropColumn(
                name: "PeopleServed",
                table: "Bookings");
        }
    }
}
