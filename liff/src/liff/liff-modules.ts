import liff from "@line/liff/core";
import GetDecodedIDToken from "@line/liff/get-decoded-id-token";
import GetIDToken from "@line/liff/get-id-token";
import GetProfile from "@line/liff/get-profile";
import IsInClient from "@line/liff/is-in-client";
import IsLoggedIn from "@line/liff/is-logged-in";
import Login from "@line/liff/login";
import Logout from "@line/liff/logout";

// The pluggable LIFF SDK: its core plus only the calls the app makes (and isInClient, which
// liff-mock calls), instead of the whole SDK. docs/PERFORMANCE.md has the bytes saved.
liff.use(new IsInClient());
liff.use(new IsLoggedIn());
liff.use(new Login());
liff.use(new Logout());
liff.use(new GetIDToken());
liff.use(new GetDecodedIDToken());
liff.use(new GetProfile());

export default liff;
